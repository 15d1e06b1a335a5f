namespace Mapper.Engine.Taxonomy;

/// <summary>Labels with a special meaning in the contract (§3).</summary>
public static class WellKnownLabels
{
    /// <summary>Nothing matched. Always reported with confidence 0.</summary>
    public const string Unknown = "OTHER.Unknown";

    /// <summary>The detector itself reported an error.</summary>
    public const string ModelError = "OTHER.ModelError";

    /// <summary>The detector says the content is clean.</summary>
    public const string Safe = "OTHER.Safe";
}
