using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Mapper.Cli.Tests.Remote;

namespace Mapper.Cli.Tests.Alerts;

/// <summary>
/// The exported rules checked by Prometheus's own promtool, then a real Prometheus on loopback scraping a real console
/// with those rules loaded: during a drill, the same alert must fire in both.
/// </summary>
public sealed class PrometheusRulesTests : IDisposable
{
    private const string Password = "prometheus-test-password";
    private readonly string _scratch = Directory.CreateTempSubdirectory("mapper-prometheus-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [Fact]
    public async Task ExportRules_PromtoolAcceptsTheFile()
    {
        await DebianPackage.EnsureAsync("prometheus", "/usr/bin/promtool");
        var rules = Path.Combine(_scratch, "mapper-rules.yml");

        var export = await CliRun.RunAsync("alerts", "export-rules", "--out", rules, "--console-url", "https://mapper.example.org");
        var (code, output) = await RunAsync("/usr/bin/promtool", "check", "rules", rules);

        Assert.Equal(0, export.ExitCode);
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS: 5 rules found", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(rules, TestContext.Current.CancellationToken);
        Assert.Contains("runbook_url: https://mapper.example.org/runbooks/mapper-5xx-high", text, StringComparison.Ordinal);
        Assert.Contains("severity: critical", text, StringComparison.Ordinal);
        Assert.Contains("for: 15m", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prometheus_ScrapingTheConsoleDuringASchemaInvalidDrill_FiresTheSameAlertAsTheConsole()
    {
        await DebianPackage.EnsureAsync("prometheus", "/usr/bin/prometheus");
        var ct = TestContext.Current.CancellationToken;
        using var console = await RunningConsole.StartAsync(_scratch, new Dictionary<string, string>
        {
            ["MAPPER_ADMIN_PASSWORD"] = Password,
            ["Model__Enabled"] = "true",
            ["Model__BaselineTraining__Buckets"] = "16384",
            ["Model__BaselineTraining__Dim"] = "16",
            ["Model__BaselineTraining__Epochs"] = "6",
            ["Model__BaselineTraining__Seed"] = "7",
            ["Model__BaselineTraining__Data__VariantsPerRule"] = "4",
            ["Model__BaselineTraining__Data__VariantsPerAlias"] = "1",
            ["Model__BaselineTraining__Data__NegationsPerDetector"] = "8",
            ["Model__BaselineTraining__Data__JunkRows"] = "100",
            ["Alerts__MapperSchemaValidLow__For"] = "5s",
        });
        using var api = new HttpClient { BaseAddress = new Uri(console.Url) };
        await EventuallyAsync(async () => Assert.Equal("active", (string?)(await api.GetFromJsonAsync<JsonNode>("/health", ct))!["model"]!["state"]), TimeSpan.FromSeconds(120));
        var token = await TokenAsync(api);
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The same rules, with the same short `for` as the console: both come from one configuration.
        var config = Path.Combine(_scratch, "alerts.json");
        await File.WriteAllTextAsync(config, """{"Alerts": {"MapperSchemaValidLow": {"For": "5s"}}}""", ct);
        var rules = Path.Combine(_scratch, "rules.yml");
        Assert.Equal(0, (await CliRun.RunAsync("alerts", "export-rules", "--out", rules, "--console-url", console.Url, "--config", config)).ExitCode);
        using var prometheus = StartPrometheus(new Uri(console.Url), rules, out var prometheusUrl);

        using (var drill = await api.PostAsJsonAsync("/api/v1/drills", new { kind = "schema-invalid", for_minutes = 5, reason = "prometheus agreement test" }, ct))
        {
            Assert.True(drill.IsSuccessStatusCode, await drill.Content.ReadAsStringAsync(ct));
        }

        using var traffic = new CancellationTokenSource();
        var load = Task.Run(async () =>
        {
            while (!traffic.IsCancellationRequested)
            {
                using var response = await api.PostAsync("/map", JsonContent.Create(new { detector = "presidio", output = "US_SSN", tenant_id = "t1" }), CancellationToken.None);
                await Task.Delay(100, CancellationToken.None);
            }
        }, CancellationToken.None);

        try
        {
            using var prometheusApi = new HttpClient { BaseAddress = prometheusUrl };
            await EventuallyAsync(async () => Assert.Equal("firing", await PrometheusStateAsync(prometheusApi, "MapperSchemaValidLow")), TimeSpan.FromSeconds(90));
            await EventuallyAsync(async () => Assert.Equal("firing", await ConsoleStateAsync(api, "MapperSchemaValidLow")), TimeSpan.FromSeconds(30));

            // They agree on the others too: none of them fires in either.
            foreach (var other in new[] { "MapperFallbackHigh", "MapperLatencyP95High", "Mapper5xxHigh", "MapperQueueLagHigh" })
            {
                Assert.NotEqual("firing", await PrometheusStateAsync(prometheusApi, other));
                Assert.NotEqual("firing", await ConsoleStateAsync(api, other));
            }
        }
        finally
        {
            await traffic.CancelAsync();
            await load;
        }
    }

    private OwnedProcess StartPrometheus(Uri console, string rules, out Uri url)
    {
        var port = FreePort();
        url = new Uri($"http://127.0.0.1:{port}/");
        var config = Path.Combine(_scratch, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files:
              - {rules}
            scrape_configs:
              - job_name: mapper
                static_configs:
                  - targets: ['{console.Authority}']
            """);
        var start = new ProcessStartInfo("/usr/bin/prometheus") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(_scratch, "tsdb")}", $"--web.listen-address=127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new OwnedProcess(process);
    }

    private static async Task<string> PrometheusStateAsync(HttpClient prometheus, string alert)
    {
        var body = await prometheus.GetFromJsonAsync<JsonNode>("api/v1/alerts", TestContext.Current.CancellationToken);
        return body!["data"]!["alerts"]!.AsArray().FirstOrDefault(a => (string?)a!["labels"]!["alertname"] == alert)?["state"]?.GetValue<string>() ?? "inactive";
    }

    private static async Task<string> ConsoleStateAsync(HttpClient api, string alert)
    {
        var body = await api.GetFromJsonAsync<JsonNode>("/api/v1/alerts", TestContext.Current.CancellationToken);
        return (string)body!["alerts"]!.AsArray().Single(a => (string?)a!["name"] == alert)!["state"]!;
    }

    private static async Task<string> TokenAsync(HttpClient api)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/tokens", new { user = "admin", password = Password }, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken);
        return (string)body!["secret"]!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EventuallyAsync(Func<Task> check, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>A process the test started: killed when the test ends, whatever happened.</summary>
    private sealed class OwnedProcess(Process process) : IDisposable
    {
        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }
    }
}
