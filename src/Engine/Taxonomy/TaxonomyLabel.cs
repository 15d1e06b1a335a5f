namespace Mapper.Engine.Taxonomy;

/// <summary>One canonical label, e.g. <c>PII.Identifier.SSN</c>, with the aliases detectors commonly use for it.</summary>
public sealed record TaxonomyLabel(string Name, string Description, IReadOnlyList<string> Aliases)
{
    /// <summary>The first segment: <c>PII</c>, <c>HARM</c>, <c>OTHER</c>...</summary>
    public string Category => Name.Split('.')[0];
}
