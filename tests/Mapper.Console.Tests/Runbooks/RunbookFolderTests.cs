using Mapper.Console.Components.Panels;
using Mapper.Console.Runbooks;
using Mapper.Console.Runbooks.ActionLinks;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mapper.Console.Tests.Runbooks;

/// <summary>
/// The real <c>runbooks/</c> folder of the repository: every alert has its runbook, and every action, panel and
/// runbook link in it names something the console has, so a typo fails here and never on a user's screen.
/// </summary>
public sealed class RunbookFolderTests : IClassFixture<SharedApp>, IDisposable
{
    public static readonly TheoryData<string> Alerts = new()
    {
        "mapper-schema-valid-low", "mapper-fallback-high", "mapper-latency-p95-high", "mapper-5xx-high", "mapper-queue-lag-high",
    };

    private static readonly string[] Sections = ["Symptom", "Impact", "Likely causes", "Investigate", "Mitigate", "Follow-ups"];

    private readonly SharedApp _app;
    private readonly RunbookLibrary _library;

    public RunbookFolderTests(SharedApp app)
    {
        _app = app;
        _library = new RunbookLibrary(RepositoryRunbooks(), TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger<RunbookLibrary>.Instance);
    }

    public void Dispose() => _library.Dispose();

    [Theory]
    [MemberData(nameof(Alerts))]
    public void Folder_EveryAlert_HasARunbookWithTheSixSectionsAndSteps(string alert)
    {
        var runbook = _library.Find(alert);

        Assert.NotNull(runbook);
        Assert.Equal(Sections, runbook.Sections.Select(s => s.Title));
        Assert.NotEmpty(runbook.Sections.Single(s => s.Title == "Investigate").Blocks.OfType<RunbookStep>());
        Assert.NotEmpty(runbook.Sections.Single(s => s.Title == "Mitigate").Blocks.OfType<RunbookStep>());
    }

    [Fact]
    public void Folder_EveryFile_Loads()
    {
        Assert.Empty(_library.Problems);
        Assert.True(_library.All.Count >= 12, $"{_library.All.Count} runbooks in {_library.Directory}");
    }

    [Fact]
    public void Folder_EveryActionLink_NamesARegisteredAction()
    {
        var registry = _app.Factory.Services.GetRequiredService<RunbookActionRegistry>();

        var unknown = Links(r => r.Actions.Select(a => a.Name)).Where(l => registry.Find(l.Name) is null).ToList();

        Assert.True(unknown.Count == 0, "unknown actions: " + string.Join(", ", unknown));
        Assert.Contains(Links(r => r.Actions.Select(a => a.Name)), l => l.Name == "kill-switch-on");
    }

    [Fact]
    public async Task Folder_EveryActionArgument_IsAFieldOfItsAction()
    {
        var registry = _app.Factory.Services.GetRequiredService<RunbookActionRegistry>();
        var wrong = new List<string>();
        foreach (var runbook in _library.All)
        {
            foreach (var link in runbook.Actions)
            {
                var keys = (await registry.Find(link.Name)!.FieldsAsync(link.Args, TestContext.Current.CancellationToken)).Select(f => f.Key).ToHashSet();
                wrong.AddRange(link.Args.Keys.Where(k => !keys.Contains(k)).Select(k => $"{runbook.FileName}: {link.Name}?{k}"));
            }
        }

        Assert.True(wrong.Count == 0, "arguments no field takes: " + string.Join(", ", wrong));
    }

    [Fact]
    public void Folder_EveryPanelLink_NamesARegisteredPanel()
    {
        var unknown = Links(r => r.Panels.Select(p => p.Name)).Where(l => RunbookPanelCatalog.Find(l.Name) is null).ToList();

        Assert.True(unknown.Count == 0, "unknown panels: " + string.Join(", ", unknown));
        Assert.Contains(Links(r => r.Panels.Select(p => p.Name)), l => l.Name == "gauges");
    }

    [Fact]
    public void Folder_EveryRunbookLink_PointsToARunbookAndSection()
    {
        var broken = new List<string>();
        foreach (var path in Directory.GetFiles(_library.Directory, "*.md"))
        {
            var text = File.ReadAllText(path);
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(text, @"\]\(([^)\s]+)\)"))
            {
                var link = RunbookLinks.Resolve(match.Groups[1].Value, Path.GetFileNameWithoutExtension(path));
                if (link.Kind != LinkKind.Runbook)
                {
                    continue;
                }

                var anchor = link.Href!.Contains('#', StringComparison.Ordinal) ? link.Href[(link.Href.IndexOf('#', StringComparison.Ordinal) + 1)..] : null;
                if (_library.Find(link.Name!) is not { } target || (anchor is not null && target.Sections.All(s => s.Anchor != anchor)))
                {
                    broken.Add($"{Path.GetFileName(path)}: {match.Groups[1].Value}");
                }
            }
        }

        Assert.True(broken.Count == 0, "links to no runbook or section: " + string.Join(", ", broken));
    }

    /// <summary>The folder in the checkout (not the build's copy), found from the test's output upwards.</summary>
    public static string RepositoryRunbooks()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mapper.sln")))
            {
                return Path.Combine(directory.FullName, "runbooks");
            }
        }

        throw new InvalidOperationException("Mapper.sln not found above " + AppContext.BaseDirectory);
    }

    private IEnumerable<(string File, string Name)> Links(Func<RunbookDocument, IEnumerable<string>> names) =>
        _library.All.SelectMany(r => names(r).Select(n => (r.FileName, n)));
}
