using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mapper.EndToEnd.Tests.Support;
using Mapper.EndToEnd.Tests.Support.Pages;
using static Microsoft.Playwright.Assertions;

namespace Mapper.EndToEnd.Tests.Components.Pages;

/// <summary>Which adapter serves is the whole console's state: these run alone, and leave the adapter that served before live.</summary>
[Collection(SerialCollection.Name)]
public sealed class AdaptersTests(ConsoleFixture console) : BrowserTest(console)
{
    private static readonly TimeSpan TrainingTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Rollback_AfterTrainingASecondAdapter_ThroughThePage_HistoryShowsTheNewRevisionWithWhoAndWhy()
    {
        var start = await Console.Api.ControlsAsync(Cancellation);
        var first = (string)start["adapter"]!["value"]!;
        var revision = (int)start["adapter_revision"]!;
        var firstVersion = first[(first.LastIndexOf('@') + 1)..];
        var reason = $"e2e rollback {Guid.NewGuid():N}"[..24];
        try
        {
            await Console.Api.StartTrainingAsync(activate: true, "e2e: a second adapter to roll back from", Cancellation);
            var trained = await WaitForTrainingAsync();
            await Eventually.HoldsAsync(async () => Assert.Equal(revision + 1, (int)(await Console.Api.ControlsAsync(Cancellation))["adapter_revision"]!), TimeSpan.FromSeconds(30));
            Assert.NotEqual(firstVersion, trained);

            var session = await OpenSignedInAsync(Console.Admin);
            var adapters = await new AdaptersPage(session.Page).GotoAsync();
            await session.WaitForCircuitAsync();
            await Expect(adapters.Live).ToContainTextAsync($"(revision {revision + 1})");
            await Expect(adapters.VersionRow(trained).GetByTestId("adapter-live")).ToBeVisibleAsync();

            await adapters.WatchForGatingAsync();
            await adapters.RollbackButton(firstVersion).ClickAsync();
            await Expect(adapters.ConfirmDialog.Changes).ToContainTextAsync([new Regex(Regex.Escape(first)), new Regex($"{revision + 2} \\(rollback\\)")]);
            await adapters.ConfirmDialog.ApplyAsync(reason);

            await Expect(adapters.Verdict).ToContainTextAsync("Done.");
            await Expect(adapters.Verdict).ToContainTextAsync($"{first} is active as revision {revision + 2} (rollback)");
            Assert.True(await adapters.SawGatingAsync(), "no progress was shown while the gate ran");
            await Expect(adapters.Gating).ToHaveCountAsync(0);
            await Expect(adapters.Live).ToContainTextAsync($"Live: {first} (revision {revision + 2})");
            var row = adapters.HistoryRow(revision + 2);
            await Expect(row.Kind).ToHaveTextAsync("rollback");
            await Expect(row.FromTo).ToHaveTextAsync(new Regex($"@{Regex.Escape(trained)} → {Regex.Escape(first)}$"));
            await Expect(row.Who).ToHaveTextAsync(Console.Admin.Name);
            await Expect(row.Why).ToHaveTextAsync(reason);
            await Expect(row.ActiveTo).ToHaveTextAsync("serving");
            await Expect(adapters.HistoryRow(revision + 1).ActiveTo).Not.ToHaveTextAsync("serving");

            var live = await Console.Api.ControlsAsync(Cancellation);
            Assert.Equal(first, (string?)live["adapter"]!["value"]);
            Assert.Equal(revision + 2, (int)live["adapter_revision"]!);
            Assert.Equal(Console.Admin.Name, (string?)live["adapter"]!["changed_by"]);
            Assert.Equal(reason, (string?)live["adapter"]!["reason"]);
        }
        finally
        {
            await PutFirstAdapterBackAsync(first, firstVersion);
        }
    }

    /// <summary>Waits for the training run to succeed; its new version.</summary>
    private async Task<string> WaitForTrainingAsync()
    {
        JsonNode? run = null;
        await Eventually.HoldsAsync(async () =>
        {
            run = (await Console.Api.TrainingAsync(Cancellation))["run"];
            Assert.True(IsState(run, "succeeded", 1), $"training: {run?.ToJsonString()}");
        }, TrainingTimeout);
        return (string)run!["version"]!;
    }

    /// <summary>
    /// A run's state by name (the API's words elsewhere) or by the enum's number (what <c>/api/v1/adapters/training</c>
    /// sends today: Running 0, Succeeded 1, Cancelled 2, Failed 3).
    /// </summary>
    private static bool IsState(JsonNode? run, string name, int number) => run?["state"] is JsonValue state &&
        (state.TryGetValue<string>(out var text) ? text == name : state.TryGetValue<int>(out var n) && n == number);

    private async Task PutFirstAdapterBackAsync(string first, string firstVersion)
    {
        var training = (await Console.Api.TrainingAsync(CancellationToken.None))["run"];
        if (IsState(training, "running", 0))
        {
            await Console.Api.TrySendAsync(HttpMethod.Delete, "/api/v1/adapters/training", null, CancellationToken.None);
            await Eventually.HoldsAsync(async () => Assert.False(IsState((await Console.Api.TrainingAsync(CancellationToken.None))["run"], "running", 0)), TrainingTimeout);
        }

        if ((string?)(await Console.Api.ControlsAsync(CancellationToken.None))["adapter"]!["value"] != first)
        {
            await Console.Api.RollbackAdapterAsync(firstVersion, "e2e: put back after a failed rollback test", CancellationToken.None);
        }
    }
}
