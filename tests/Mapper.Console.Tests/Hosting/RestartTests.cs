using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Hosting;

/// <summary>The store in a real process: a restart resumes what was live; a kill -9 loses no acknowledged change.</summary>
public sealed class RestartTests : IDisposable
{
    private static readonly Dictionary<string, string> Small = SmallModel.Environment();

    private readonly string _data = Directory.CreateTempSubdirectory("mapper-restart-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Restart_KeepsKillSwitchThresholdsAndTheActiveAdapterRevision()
    {
        await using (var first = await ConsoleProcess.StartAsync(_data, Small))
        {
            using var api = await first.CreateClient().SignedInAsync();
            await ApiCalls.EventuallyAsync(async () => Assert.Equal("active", (string?)(await api.GetJsonAsync("/health"))["model"]!["state"]));
            await Applied(api.SendJsonAsync(HttpMethod.Post, "/api/v1/adapters/training", new JsonObject { ["activate"] = true, ["reason"] = "newer data" }));
            await ApiCalls.EventuallyAsync(async () => Assert.Equal(2, (int)(await api.GetJsonAsync("/api/v1/controls"))["adapter_revision"]!));
            await Applied(api.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/kill-switch", new JsonObject { ["on"] = true, ["reason"] = "incident 7" }));
            await Applied(api.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/threshold", new JsonObject { ["value"] = 0.72, ["reason"] = "fewer low-confidence answers" }));
            await Applied(api.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/thresholds/presidio", new JsonObject { ["value"] = 0.8, ["reason"] = "presidio is noisy" }));
            first.KillHard();
        }

        await using var second = await ConsoleProcess.StartAsync(_data, Small);
        using var again = await second.CreateClient().SignedInAsync();
        var controls = await again.GetJsonAsync("/api/v1/controls");
        Assert.Equal("rules_only", (string?)controls["mode"]!["value"]);
        Assert.Equal("incident 7", (string?)controls["kill_switch"]!["reason"]);
        Assert.Equal(0.72, (double)controls["threshold"]!["value"]!);
        Assert.Equal(0.8, (double)controls["detector_thresholds"]![0]!["value"]!);
        Assert.Equal("mapper-baseline@1.0.1", (string?)controls["adapter"]!["value"]);
        Assert.Equal(2, (int)controls["adapter_revision"]!);
        await ApiCalls.EventuallyAsync(async () =>
        {
            var model = (await again.GetJsonAsync("/health"))["model"]!;
            Assert.Equal(("mapper-baseline@1.0.1", 2), ((string?)model["active_model"], (int?)model["revision"]));
        });
        var history = (await again.GetJsonAsync("/api/v1/adapters"))["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Contains("Model path ready: mapper-baseline@1.0.1 as revision 2 (Restored)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillDuringABurstOfChanges_EveryAcknowledgedChangeIsLoggedAndTheChainVerifies()
    {
        var acknowledged = new ConcurrentBag<long>();
        await using (var first = await ConsoleProcess.StartAsync(_data))
        {
            using var api = await first.CreateClient().SignedInAsync();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        using var response = await api.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/threshold",
                            new JsonObject { ["value"] = 0.5 + (((w * 1000) + i) % 400 / 1000.0), ["reason"] = $"burst {w}/{i}" }, stop.Token);
                        if (response.IsSuccessStatusCode)
                        {
                            acknowledged.Add((long)(await response.JsonAsync())["audit_id"]!);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the process is gone: anything not acknowledged may or may not have landed
                    }
                }
            })).ToArray();

            await ApiCalls.EventuallyAsync(() => Task.Run(() => Assert.True(acknowledged.Count >= 40)));
            first.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var second = await ConsoleProcess.StartAsync(_data);
        using var again = await second.CreateClient().SignedInAsync();
        var verdict = await again.GetJsonAsync("/api/v1/audit/verify");
        Assert.True((bool)verdict["intact"]!, verdict.ToJsonString());
        var logged = new HashSet<long>();
        var page = await again.GetJsonAsync("/api/v1/audit?action=controls.threshold&size=500");
        foreach (var row in page["rows"]!.AsArray())
        {
            logged.Add((long)row!["id"]!);
        }

        Assert.All(acknowledged, id => Assert.Contains(id, logged));
        var last = page["rows"]![0]!;
        var live = await again.GetJsonAsync("/api/v1/controls");
        Assert.Equal((string?)last["new_value"], ((double)live["threshold"]!["value"]!).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task Applied(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
