using Mapper.Console.Monitoring;
using Mapper.Console.Runbooks;
using Microsoft.AspNetCore.Components;

namespace Mapper.Console.Components.Pages;

/// <summary>Every runbook of the folder with what it is for, the folder's README (the alert table), and any file that did not load.</summary>
public sealed partial class RunbookIndex
{
    public const string ReadmeName = "README";

    private IReadOnlyList<RunbookDocument> _runbooks = [];
    private RunbookDocument? _readme;
    private IReadOnlyList<RunbookProblem> _problems = [];
    private long _version = -1;

    [CascadingParameter]
    private EngineSample? Sample { get; set; }

    [Inject]
    private RunbookLibrary Library { get; set; } = null!;

    /// <summary>Reads the library again when it reloaded (noticed on the cascaded sample).</summary>
    protected override void OnParametersSet()
    {
        if (Library.Version == _version)
        {
            return;
        }

        _version = Library.Version;
        var all = Library.All;
        _readme = all.FirstOrDefault(r => string.Equals(r.Name, ReadmeName, StringComparison.OrdinalIgnoreCase));
        _runbooks = [.. all.Where(r => r != _readme)];
        _problems = Library.Problems;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..197].TrimEnd() + "...";
}
