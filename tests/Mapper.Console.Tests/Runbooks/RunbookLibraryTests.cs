using System.Diagnostics;
using Mapper.Console.Runbooks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mapper.Console.Tests.Runbooks;

/// <summary>The folder watched: a change shows up by itself; a broken file keeps its last good version and is named.</summary>
public sealed class RunbookLibraryTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private readonly string _directory = Directory.CreateTempSubdirectory("mapper-runbooks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Watch_FileChanged_PicksUpTheNewVersionByItself()
    {
        await WriteAsync("kill-switch.md", "# Kill switch\n\n## Mitigate\n\n- [ ] Turn it on.\n");
        using var library = Open();
        Assert.Equal("Kill switch", library.Find("kill-switch")?.Title);

        await WriteAsync("kill-switch.md", "# Kill switch (rules-only)\n\n## Mitigate\n\n- [ ] Turn it on.\n- [ ] Watch the gauges.\n");

        await UntilAsync(() => library.Find("kill-switch")?.Title == "Kill switch (rules-only)");
        Assert.Equal(2, library.Find("kill-switch")!.Steps.Count());
        Assert.Empty(library.Problems);
    }

    [Fact]
    public async Task Watch_FileAddedAndDeleted_AppearsAndGoes()
    {
        using var library = Open();
        Assert.Empty(library.All);

        await WriteAsync("drills.md", "# Drills\n");
        await UntilAsync(() => library.Find("drills") is not null);
        File.Delete(Path.Combine(_directory, "drills.md"));

        await UntilAsync(() => library.Find("drills") is null);
    }

    [Fact]
    public async Task Reload_BrokenFile_KeepsTheLastGoodVersionAndNamesTheFile()
    {
        await WriteAsync("thresholds.md", "# Confidence thresholds\n\n## Mitigate\n\n- [ ] Set it.\n");
        using var library = Open();

        await WriteAsync("thresholds.md", "no title line any more\n\n## Mitigate\n");
        await UntilAsync(() => library.Problems.Count > 0);

        Assert.Equal("Confidence thresholds", library.Find("thresholds")?.Title);
        var problem = Assert.Single(library.Problems);
        Assert.Equal("thresholds.md", problem.File);
        Assert.Contains("thresholds.md", problem.Message, StringComparison.Ordinal);
        Assert.Contains("last good version", problem.Message, StringComparison.Ordinal);
        Assert.Same(problem, library.ProblemFor("thresholds"));

        await WriteAsync("thresholds.md", "# Thresholds, fixed\n");
        await UntilAsync(() => library.Problems.Count == 0);
        Assert.Equal("Thresholds, fixed", library.Find("thresholds")?.Title);
    }

    [Fact]
    public async Task Reload_NewFileNotUtf8_IsNotShownAndIsNamed()
    {
        await File.WriteAllBytesAsync(Path.Combine(_directory, "escalation.md"), [(byte)'#', (byte)' ', 0xC3, 0x28, (byte)'\n'], Ct);

        using var library = Open();

        Assert.Null(library.Find("escalation"));
        var problem = Assert.Single(library.Problems);
        Assert.Contains("escalation.md", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.Contains("not shown", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MissingFolder_NamesTheSetting()
    {
        using var library = new RunbookLibrary(Path.Combine(_directory, "nowhere"), TimeSpan.FromMilliseconds(20), TimeProvider.System, NullLogger<RunbookLibrary>.Instance);

        Assert.Empty(library.All);
        Assert.Contains("Runbooks:Directory", Assert.Single(library.Problems).Message, StringComparison.Ordinal);
    }

    private RunbookLibrary Open() => new(_directory, TimeSpan.FromMilliseconds(50), TimeProvider.System, NullLogger<RunbookLibrary>.Instance);

    private Task WriteAsync(string file, string text) => File.WriteAllTextAsync(Path.Combine(_directory, file), text, Ct);

    /// <summary>Polls with a deadline: the watcher and the debounce run on their own threads.</summary>
    private static async Task UntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the library did not pick up the change within 10 s");
            await Task.Delay(20, Ct);
        }
    }
}
