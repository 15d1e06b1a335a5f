using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper adapters activate</c> and <c>mapper adapters rollback</c>: gate a stored version and make it the
/// active one as a new registry revision. A running service reads the registry at start-up.
/// </summary>
public static class AdaptersActivateCommand
{
    public static CliCommand Activate { get; } = new(
        ["adapters", "activate"],
        "mapper adapters activate --version X.Y.Z [--id ID] [--reason TEXT] [--config PATH]",
        ["--version", "--id", "--reason", "--config"],
        [],
        RunActivateAsync);

    public static CliCommand Rollback { get; } = new(
        ["adapters", "rollback"],
        "mapper adapters rollback --to X.Y.Z [--reason TEXT] [--config PATH]   (re-activates an earlier version as a new revision)",
        ["--to", "--reason", "--config"],
        [],
        RunRollbackAsync);

    private static async Task<int> RunActivateAsync(CommandLine line, CliContext context)
    {
        var version = Version(line, "--version");
        using var session = new AdapterStoreSession(CliSetup.Load(line));
        var id = line.Value("--id") ?? session.Setup.Loaded.Model.AdapterId;
        Exists(session, id, version);
        var revision = session.Apply(r => r.Activate(id, version, line.Value("--reason") ?? "adapters activate", AdapterStoreSession.Actor));
        await context.Out.WriteLineAsync(Done(revision));
        return ExitCodes.Ok;
    }

    private static async Task<int> RunRollbackAsync(CommandLine line, CliContext context)
    {
        var version = Version(line, "--to");
        using var session = new AdapterStoreSession(CliSetup.Load(line));
        var history = session.Registry.History;
        var last = history.LastOrDefault() ?? throw new CheckFailedException("nothing to roll back: no adapter was ever active in " + session.Store.Root);
        if (!history.Any(r => r.AdapterId == last.AdapterId && r.Version == version))
        {
            throw new InputFileException($"{last.AdapterId}@{version} was never active; a rollback returns to an earlier version (use `adapters activate` for a new one)");
        }

        Exists(session, last.AdapterId, version);
        var revision = session.Apply(r => r.RollbackTo(version, line.Value("--reason") ?? "adapters rollback", AdapterStoreSession.Actor));
        await context.Out.WriteLineAsync(Done(revision));
        return ExitCodes.Ok;
    }

    private static string Version(CommandLine line, string flag)
    {
        var version = line.Required(flag);
        return AdapterVersion.IsValid(version) ? version : throw new UsageException($"{flag} must be MAJOR.MINOR.PATCH, not '{version}'");
    }

    private static void Exists(AdapterStoreSession session, string id, string version)
    {
        if (!AdapterVersion.IsValidId(id) || session.Store.Find(id, version) is null)
        {
            throw new InputFileException($"no adapter {id}@{version} in {session.Store.Root}");
        }
    }

    private static string Done(AdapterRevision r) =>
        $"active: {r.Adapter} as revision {r.Revision} ({r.Kind}); a running service picks it up at its next start";
}
