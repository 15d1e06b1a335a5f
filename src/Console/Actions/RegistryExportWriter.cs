using Mapper.Engine.Model.Adapters;
using Mapper.Engine.Model.Serving;

namespace Mapper.Console.Actions;

/// <summary>
/// Rewrites <c>registry.json</c> in the adapter store from the audit log after each activation: a read-only
/// export for offline tools, so there is still one writer and one history.
/// </summary>
public sealed partial class RegistryExportWriter(AuditQueries audit, AdapterStore store, ILogger<RegistryExportWriter> logger)
{
    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            var history = await audit.AdapterHistoryAsync(cancellationToken);
            var revisions = history.Select(h =>
            {
                var at = h.Adapter.LastIndexOf('@');
                return new AdapterRevision(h.Revision, h.Adapter[..at], h.Adapter[(at + 1)..], h.Kind, h.ActivatedAt, h.DeactivatedAt, h.Reason, h.Actor);
            }).ToList();
            RegistryExport.Write(store.Root, revisions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogExportFailed(logger, RegistryExport.PathIn(store.Root), e.Message);
        }
    }

    [LoggerMessage(EventId = 5410, Level = LogLevel.Warning, Message = "Could not write the registry export {Path}: {Problem}; the store's history is unaffected")]
    private static partial void LogExportFailed(ILogger logger, string path, string problem);
}
