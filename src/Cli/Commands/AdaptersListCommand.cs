using System.Globalization;
using System.Text;
using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper adapters list</c>: the versions in the store with their metrics, and the registry's history.</summary>
public static class AdaptersListCommand
{
    public static CliCommand Definition { get; } = new(
        ["adapters", "list"],
        "mapper adapters list [--format text|json] [--config PATH]",
        ["--format", "--config"],
        [],
        RunAsync);

    public sealed record AdapterListView(string Store, IReadOnlyList<AdapterManifest> Adapters, IReadOnlyList<AdapterRevision> History, string? Active, int? Revision);

    private static async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        var json = line.Choice("--format", "text", "json") == "json";
        using var session = new AdapterStoreSession(CliSetup.Load(line));
        var history = session.Registry.History;
        var current = history.LastOrDefault(r => r.DeactivatedAt is null);
        var view = new AdapterListView(session.Store.Root, session.Store.List(), history, current?.Adapter, current?.Revision);
        await context.Out.WriteLineAsync(json ? CliJson.Serialize(view) : Text(view));
        return ExitCodes.Ok;
    }

    private static string Text(AdapterListView view)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Adapters in {view.Store}:\n");
        if (view.Adapters.Count == 0)
        {
            text.Append("  (none: `mapper adapters train` makes one, and hybrid mode trains the baseline at first use)\n");
        }

        foreach (var m in view.Adapters)
        {
            var x = m.Metrics;
            text.Append(CultureInfo.InvariantCulture,
                $"  {m.Name,-26} {m.Created:yyyy-MM-dd HH:mm} {m.ModelSizeBytes / 1048576.0,5:0.0} MiB  rows {m.TrainingRows,6}  leak-dropped {m.DroppedByLeakGuard,4}  " +
                $"cal acc {x.CalibrationAccuracy:P1}  ECE {x.ExpectedCalibrationError:0.000}  acc@{x.Threshold:0.00} {x.AccuracyAtThreshold:P1}  rules {x.RuleRowAccuracy:P1}  parent {m.ParentVersion ?? "-"}\n");
        }

        text.Append("History (registry.json, append-only):\n");
        if (view.History.Count == 0)
        {
            text.Append("  (no activations yet)\n");
        }

        foreach (var r in view.History)
        {
            var to = r.DeactivatedAt is { } end ? end.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "now";
            text.Append(CultureInfo.InvariantCulture,
                $"  rev {r.Revision,3}  {r.Adapter,-26} {r.Kind,-9}  {r.ActivatedAt:yyyy-MM-dd HH:mm:ss} → {to,-19}  {r.Actor ?? "-"}: {r.Reason ?? "-"}\n");
        }

        text.Append(view.Active is null ? "Active: none" : $"Active: {view.Active} (revision {view.Revision})");
        return text.ToString();
    }
}
