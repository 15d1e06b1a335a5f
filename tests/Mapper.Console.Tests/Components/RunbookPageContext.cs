using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Components.Pages;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Mapper.Console.Tests.Components;

/// <summary>
/// A runbook page in bUnit on a real console (store, executor, sampler, runbook library) whose runbooks folder is a
/// temporary one the test writes; MudBlazor's dialog and popover providers rendered first, as the layout does.
/// </summary>
public sealed class RunbookPageContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private RunbookPageContext(string directory, MapperFactory factory)
    {
        Directory = directory;
        Factory = factory;
        Bunit = ConsoleBunit.Create(factory.Services, out _scope);
        Bunit.AddAsset("runbooks.css", "runbooks.css");
        Dialogs = Bunit.Render<MudDialogProvider>();
        Bunit.Render<MudPopoverProvider>();
    }

    public string Directory { get; }

    public MapperFactory Factory { get; }

    public BunitContext Bunit { get; }

    /// <summary>Where confirm dialogs render.</summary>
    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    public OperatorExecutor Executor => Factory.Executor();

    public static async Task<RunbookPageContext> StartAsync(IReadOnlyDictionary<string, string> runbooks)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("mapper-runbook-page-").FullName;
        foreach (var (file, text) in runbooks)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, file), text, Xunit.TestContext.Current.CancellationToken);
        }

        var factory = new MapperFactory(new Dictionary<string, string?> { ["Runbooks:Directory"] = directory });
        _ = factory.Services;
        await factory.AddUserAsync("otto", ConsoleRole.Operator);
        await factory.AddUserAsync("vera", ConsoleRole.Viewer);
        return new RunbookPageContext(directory, factory);
    }

    /// <summary>A fresh sample, as the layout would cascade it.</summary>
    public EngineSample Sample() => Factory.Services.GetRequiredService<EngineSampler>().Tick();

    public IRenderedComponent<Runbook> Render(string name, ConsoleUser user) =>
        Bunit.Render<Runbook>(p => p
            .Add(r => r.Name, name)
            .AddCascadingValue(Sample())
            .AddCascadingValue(user)
            .AddCascadingValue(BrowserZone.Utc));

    /// <summary>Sends some real traffic through /map so the SLIs (and the audit rows' SLI columns) have numbers.</summary>
    public async Task TrafficAsync(int requests)
    {
        using var client = Factory.CreateClient();
        for (var i = 0; i < requests; i++)
        {
            using var response = await client.PostAsync("/map", new StringContent("""{"detector":"presidio","output":"US_SSN","tenant_id":"t1"}""", System.Text.Encoding.UTF8, "application/json"), Xunit.TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
        await Factory.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
