namespace Mapper.Engine.Controls;

/// <summary>How the pipeline answers (contract §5).</summary>
public enum MappingMode
{
    /// <summary>Model first, rules as fallback.</summary>
    Hybrid,

    /// <summary>The kill switch: the model is never called.</summary>
    RulesOnly,
}
