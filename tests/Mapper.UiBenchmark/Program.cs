using Mapper.EndToEnd.Tests.Support;
using Mapper.UiBenchmark;
using Microsoft.Playwright;

// The console's memory and idle CPU with N live overviews open in one Chromium: the sampler's and the circuits' cost.
// A benchmark: it prints numbers and judges nothing (the goal it reports against is in the output for context).
var (options, error) = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

var progress = options.Json ? Console.Error : Console.Out;
var loadBefore = Machine.LoadAverage();
Assertions.SetDefaultExpectTimeout(120_000);
await Chromium.EnsureInstalledAsync(progress);
progress.WriteLine("starting the console (small model) ...");
await using var server = await ConsoleServer.StartAsync(options.ConsoleEnvironment);
using var api = await AdminApi.SignInAsync(server.BaseAddress, "admin", ConsoleServer.AdminPassword);
using var playwright = await Playwright.CreateAsync();
await using var browser = await Chromium.LaunchAsync(playwright);
var tabs = await LiveTabs.SignInAsync(browser, server.BaseAddress, new Account("admin", ConsoleServer.AdminPassword, "admin"));

var rows = new List<Measurement>();
try
{
    foreach (var count in new[] { 0 }.Concat(options.Tabs))
    {
        progress.WriteLine($"{count} tabs: opening ...");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await tabs.OpenUpToAsync(count);
        var opened = clock.Elapsed.TotalSeconds;
        var live = count == 0 ? TimeSpan.Zero : await tabs.WaitAllLiveAsync();
        progress.WriteLine($"{count} tabs: open in {opened:0.0} s, all live {live.TotalSeconds:0.0} s later; settling {options.SettleSeconds} s, then idle {options.IdleSeconds} s");
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds));
        rows.Add(await Idle.MeasureAsync(server, api, count, opened, live.TotalSeconds, options.IdleSeconds));
    }
}
finally
{
    await tabs.CloseAsync();
}

var run = new BenchmarkRun(Machine.Describe(loadBefore), Machine.ConsoleGc(options.ConsoleEnvironment), options.ConsoleEnvironment, options.IdleSeconds, rows);
Console.WriteLine(options.Json ? Report.Json(run) : Report.Table(run));
return 0;
