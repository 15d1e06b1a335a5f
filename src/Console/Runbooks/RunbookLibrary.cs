using System.Collections.Immutable;
using System.Text;

namespace Mapper.Console.Runbooks;

/// <summary>
/// Every runbook of the folder, parsed, and kept current: a change to the folder is read once it has been quiet
/// for the reload delay. A file that cannot be read or parsed keeps its last good version (if it had one) and is
/// reported, by file name, until it is fixed. Readers get one immutable snapshot; a reload swaps it whole.
/// </summary>
public sealed partial class RunbookLibrary : IDisposable
{
    public const int MaxFileBytes = 512 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly TimeSpan _delay;
    private readonly TimeProvider _time;
    private readonly ILogger<RunbookLibrary> _logger;
    private readonly Lock _reload = new();
    private readonly System.Threading.ITimer _debounce;
    private readonly FileSystemWatcher? _watcher;
    private Snapshot _snapshot = new(0, ImmutableSortedDictionary<string, RunbookDocument>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase), []);

    public RunbookLibrary(string directory, TimeSpan delay, TimeProvider time, ILogger<RunbookLibrary> logger)
    {
        Directory = directory;
        _delay = delay;
        _time = time;
        _logger = logger;
        _debounce = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Reload();
        if (System.IO.Directory.Exists(directory))
        {
            _watcher = new FileSystemWatcher(directory, "*.md")
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            _watcher.Changed += (_, _) => Schedule();
            _watcher.Created += (_, _) => Schedule();
            _watcher.Deleted += (_, _) => Schedule();
            _watcher.Renamed += (_, _) => Schedule();
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The folder read (the resolved <c>Runbooks:Directory</c>).</summary>
    public string Directory { get; }

    /// <summary>Goes up with every reload, so a page can tell that it should read again.</summary>
    public long Version => Volatile.Read(ref _snapshot).Version;

    /// <summary>Every runbook, by name.</summary>
    public IReadOnlyList<RunbookDocument> All => [.. Volatile.Read(ref _snapshot).Documents.Values];

    /// <summary>Files that did not load at the last reload (each with whether its last good version is still shown).</summary>
    public IReadOnlyList<RunbookProblem> Problems => Volatile.Read(ref _snapshot).Problems;

    public RunbookDocument? Find(string name) => Volatile.Read(ref _snapshot).Documents.GetValueOrDefault(name);

    public RunbookProblem? ProblemFor(string name) =>
        Problems.FirstOrDefault(p => string.Equals(p.File, name + ".md", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the folder now (the watcher calls this after the reload delay).</summary>
    public void Reload()
    {
        lock (_reload)
        {
            var before = Volatile.Read(ref _snapshot);
            var now = _time.GetUtcNow();
            var documents = before.Documents.Clear().ToBuilder();
            var problems = new List<RunbookProblem>();
            if (!System.IO.Directory.Exists(Directory))
            {
                problems.Add(new RunbookProblem(Directory, $"{RunbookOptions.Section}:Directory: the folder '{Directory}' does not exist", now));
            }
            else
            {
                foreach (var path in System.IO.Directory.GetFiles(Directory, "*.md").Order(StringComparer.Ordinal))
                {
                    Load(path, before, documents, problems, now);
                }
            }

            Volatile.Write(ref _snapshot, new Snapshot(before.Version + 1, documents.ToImmutable(), problems));
            LogReloaded(_logger, documents.Count, problems.Count, Directory);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }

    private void Load(string path, Snapshot before, ImmutableSortedDictionary<string, RunbookDocument>.Builder documents, List<RunbookProblem> problems, DateTimeOffset now)
    {
        var file = Path.GetFileName(path);
        var name = Path.GetFileNameWithoutExtension(path);
        if (!RunbookLinks.RunbookFilePattern().IsMatch(file))
        {
            problems.Add(new RunbookProblem(file, $"{file}: not a runbook name (letters, digits, '-' and '_' only); it is not shown", now));
            return;
        }

        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileBytes)
            {
                throw new RunbookFormatException($"{length:N0} bytes; a runbook may have at most {MaxFileBytes:N0}");
            }

            documents[name] = RunbookParser.Parse(name, file, StrictUtf8.GetString(File.ReadAllBytes(path)));
        }
        catch (Exception e) when (e is RunbookFormatException or IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            var why = e is DecoderFallbackException ? "it is not UTF-8 text" : e.Message;
            var kept = before.Documents.GetValueOrDefault(name);
            if (kept is not null)
            {
                documents[name] = kept;
            }

            var problem = new RunbookProblem(file, $"{file} cannot be loaded: {why}. " + (kept is null ? "It is not shown until it is fixed." : "The last good version is shown until it is fixed."), now);
            problems.Add(problem);
            LogBroken(_logger, file, why, kept is not null);
        }
    }

    private void Schedule()
    {
        try
        {
            _debounce.Change(_delay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // A last event after disposal: nothing to reload any more.
        }
    }

    private sealed record Snapshot(long Version, ImmutableSortedDictionary<string, RunbookDocument> Documents, IReadOnlyList<RunbookProblem> Problems);

    [LoggerMessage(EventId = 5600, Level = LogLevel.Information, Message = "Runbooks read: {Count} from {Directory}, {Problems} with problems")]
    private static partial void LogReloaded(ILogger logger, int count, int problems, string directory);

    [LoggerMessage(EventId = 5601, Level = LogLevel.Warning, Message = "Runbook {File} cannot be loaded: {Why} (last good version kept: {Kept})")]
    private static partial void LogBroken(ILogger logger, string file, string why, bool kept);
}
