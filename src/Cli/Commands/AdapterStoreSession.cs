using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mapper.Cli.Commands;

/// <summary>
/// The configured adapter store and its registry, as the adapter verbs use them. The registry is not
/// restored (nothing needs to serve); activations are appended to the same <c>registry.json</c> the
/// service reads at start-up.
/// </summary>
public sealed class AdapterStoreSession : IDisposable
{
    public AdapterStoreSession(CliSetup setup)
    {
        Setup = setup;
        Store = new AdapterStore(setup.Loaded.Model.AdapterStorePath);
        Registry = new AdapterRegistry(Store, new AdapterGate(setup.Data, setup.Loaded.Model), TimeProvider.System, NullLogger<AdapterRegistry>.Instance);
    }

    public CliSetup Setup { get; }

    public AdapterStore Store { get; }

    public AdapterRegistry Registry { get; }

    /// <summary>Gates and activates; a refusal is a failed check (exit 1) carrying the gate's reason.</summary>
    public AdapterRevision Apply(Func<AdapterRegistry, AdapterRevision> swap)
    {
        try
        {
            return swap(Registry);
        }
        catch (AdapterRejectedException e)
        {
            throw new CheckFailedException(e.Message + " Nothing was activated.");
        }
    }

    public static string Actor => "cli:" + Environment.UserName;

    public void Dispose() => Registry.Dispose();
}
