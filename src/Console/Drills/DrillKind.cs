using Mapper.Engine.Pipeline;

namespace Mapper.Console.Drills;

/// <summary>The faults on-call can practise on, by their CLI and API names.</summary>
public static class DrillKinds
{
    public const string ModelError = "model-error";
    public const string Latency = "latency";
    public const string SchemaInvalid = "schema-invalid";
    public const string QueueStall = "queue-stall";
    public const string Http5xx = "http-5xx";

    public static readonly IReadOnlyList<string> All = [ModelError, Latency, SchemaInvalid, QueueStall, Http5xx];

    /// <summary>What each drill does, in words the banner and the runbook use.</summary>
    public static string Describe(string kind) => kind switch
    {
        ModelError => "model calls fail (the rules answer, reason model_error)",
        Latency => "model calls are slowed down (p95 latency rises)",
        SchemaInvalid => "the model answers labels outside the taxonomy (validation refuses them, reason schema_invalid)",
        QueueStall => "the model queue stops draining (calls time out to the rules; queue lag climbs from the start of the stall)",
        Http5xx => "a share of /map and /map/batch requests get 500 INTERNAL_ERROR",
        _ => kind,
    };

    /// <summary>The engine's fault for a kind; the 5xx drill works at the HTTP edge instead, so it has none.</summary>
    public static DrillFault? Fault(string kind) => kind switch
    {
        ModelError => DrillFault.ModelError,
        Latency => DrillFault.Latency,
        SchemaInvalid => DrillFault.SchemaInvalid,
        QueueStall => DrillFault.QueueStall,
        _ => null,
    };
}
