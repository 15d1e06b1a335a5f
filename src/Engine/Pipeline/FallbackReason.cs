namespace Mapper.Engine.Pipeline;

/// <summary>Why the rules answered in hybrid mode (contract §5). Exactly one per fallback.</summary>
public enum FallbackReason
{
    /// <summary>Rules-only mode is in force.</summary>
    KillSwitch,

    /// <summary>The model's confidence was below the threshold in force.</summary>
    LowConfidence,

    /// <summary>The model's answer failed the schema, the taxonomy or the score rules.</summary>
    SchemaInvalid,

    /// <summary>The model threw.</summary>
    ModelError,

    /// <summary>The model did not answer within its time budget.</summary>
    ModelTimeout,

    /// <summary>Hybrid mode, but no adapter is active (e.g. all were refused by the activation gate).</summary>
    NoModel,
}

public static class FallbackReasons
{
    /// <summary>The metric label value: <c>kill_switch</c>, <c>low_confidence</c>, ...</summary>
    public static string Name(FallbackReason reason) => reason switch
    {
        FallbackReason.KillSwitch => "kill_switch",
        FallbackReason.LowConfidence => "low_confidence",
        FallbackReason.SchemaInvalid => "schema_invalid",
        FallbackReason.ModelError => "model_error",
        FallbackReason.ModelTimeout => "model_timeout",
        FallbackReason.NoModel => "no_model",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
