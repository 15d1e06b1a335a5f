using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mapper.Engine;
using Mapper.Engine.Controls;

namespace Mapper.Console.Actions;

/// <summary>
/// Everything live, as the audit log records it after each change: the engine's controls (with the active
/// adapter and its revision, under one epoch) and the console's own kill-switch auto-revert time.
/// </summary>
public sealed record LiveState(RuntimeControls Controls, DateTimeOffset? KillSwitchRevertAt = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public long Epoch => Controls.Epoch;

    public string ToJson() => JsonSerializer.Serialize(Document.From(this), Json);

    /// <summary>Reads a row's live state; throws <see cref="JsonException"/> when it is not one.</summary>
    public static LiveState FromJson(string json) =>
        (JsonSerializer.Deserialize<Document>(json, Json) ?? throw new JsonException("empty live state")).ToLiveState();

    /// <summary>The stored form: stable names and plain numbers, so old rows stay readable as the engine's types change.</summary>
    private sealed record Document(
        long Epoch,
        string Mode,
        double Threshold,
        SortedDictionary<string, double> DetectorThresholds,
        double ModelTimeBudgetMs,
        int MaxBatchSize,
        double MaxBatchWaitMs,
        string? Adapter,
        int AdapterRevision,
        DateTimeOffset? KillSwitchRevertAt)
    {
        public static Document From(LiveState live)
        {
            var c = live.Controls;
            return new Document(
                c.Epoch, EngineOptions.ModeName(c.Mode), c.GlobalThreshold, new SortedDictionary<string, double>(c.DetectorThresholds, StringComparer.Ordinal),
                c.ModelTimeBudget.TotalMilliseconds, c.MaxBatchSize, c.MaxBatchWait.TotalMilliseconds, c.ActiveAdapter, c.AdapterRevision, live.KillSwitchRevertAt);
        }

        public LiveState ToLiveState()
        {
            if (!EngineOptions.TryParseMode(Mode ?? "", out var mode))
            {
                throw new JsonException($"live state: unknown mode '{Mode}'");
            }

            var controls = new RuntimeControls
            {
                Epoch = Epoch,
                Mode = mode,
                GlobalThreshold = Threshold,
                DetectorThresholds = (DetectorThresholds ?? []).ToImmutableDictionary(StringComparer.Ordinal),
                ModelTimeBudget = TimeSpan.FromMilliseconds(ModelTimeBudgetMs),
                MaxBatchSize = MaxBatchSize,
                MaxBatchWait = TimeSpan.FromMilliseconds(MaxBatchWaitMs),
                ActiveAdapter = Adapter,
                AdapterRevision = AdapterRevision,
            };
            return new LiveState(controls, KillSwitchRevertAt);
        }
    }
}
