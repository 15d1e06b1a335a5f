namespace Mapper.Engine.Pipeline;

/// <summary>A fault a drill injects into the model path, to practise on and to make alerts fire for real.</summary>
public enum DrillFault
{
    /// <summary>The model call fails: the rules answer with reason <c>model_error</c>.</summary>
    ModelError,

    /// <summary>The model call takes <see cref="IDrillFaults.ExtraLatency"/> longer.</summary>
    Latency,

    /// <summary>The model answers a label outside the taxonomy: validation refuses it (<c>schema_invalid</c>).</summary>
    SchemaInvalid,

    /// <summary>The model never answers: every call waits out its time budget (<c>model_timeout</c>).</summary>
    QueueStall,
}

/// <summary>
/// The one way a fault gets into the engine: only while a drill runs (the console's drill control), and only for
/// requests that count (never for playground or quality runs, which do not record in the SLIs).
/// </summary>
public interface IDrillFaults
{
    /// <summary>The fault in force now, or null outside a drill.</summary>
    DrillFault? Active { get; }

    TimeSpan ExtraLatency { get; }
}

/// <summary>The label a schema-invalid drill makes the model answer: not in any taxonomy.</summary>
public static class DrillLabels
{
    public const string OutsideTaxonomy = "DRILL.NotInTaxonomy";
}
