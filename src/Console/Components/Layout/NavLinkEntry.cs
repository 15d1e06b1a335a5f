namespace Mapper.Console.Components.Layout;

/// <summary>A navigation entry a feature adds to the menu (registered in DI, shown between Playground and Audit).</summary>
public sealed record NavLinkEntry(string Href, string Title, string Icon);
