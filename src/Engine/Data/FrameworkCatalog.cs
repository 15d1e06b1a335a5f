namespace Mapper.Engine.Data;

/// <summary>A compliance control, e.g. SOC2 CC7.2.</summary>
public sealed record FrameworkControl(string Framework, string Id, string Title)
{
    public string Reference => $"{Framework}:{Id}";
}

/// <summary>Compliance frameworks and which canonical labels map to which controls.</summary>
public sealed record FrameworkCatalog(
    string Version,
    IReadOnlyList<FrameworkControl> Controls,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ControlsByLabel);
