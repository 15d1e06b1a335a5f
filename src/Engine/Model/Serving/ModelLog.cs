using Microsoft.Extensions.Logging;

namespace Mapper.Engine.Model.Serving;

/// <summary>Important model-path events with stable event ids. Raw detector output is never logged.</summary>
internal static partial class ModelLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Adapter {Adapter} active as revision {Revision} ({Kind}): {Reason}")]
    public static partial void Activated(ILogger logger, string adapter, int revision, string kind, string? reason);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Adapter {Adapter} gated and swapped in {Milliseconds} ms")]
    public static partial void SwapTimed(ILogger logger, string adapter, long milliseconds);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Adapter {Adapter} rejected ({Rejection}); {Serving} keeps serving: {Detail}")]
    public static partial void Rejected(ILogger logger, string adapter, string rejection, string serving, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Adapter {Adapter} serves again as revision {Revision}")]
    public static partial void Restored(ILogger logger, string adapter, int revision);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Trained adapter {Adapter} from the bundled data in {Seconds:F2} s ({Rows} rows, {Dropped} dropped by the leak guard, {Bytes} bytes)")]
    public static partial void BaselineTrained(ILogger logger, string adapter, double seconds, int rows, int dropped, long bytes);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Adapter {Adapter}, which served before, cannot serve again: {Detail}")]
    public static partial void RestoreFailed(ILogger logger, string adapter, string detail);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Removed a temporary file or folder a crash left in the adapter store: {Path}")]
    public static partial void TemporaryRemoved(ILogger logger, string path);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "The registry export cannot be read and is ignored: {Problem}")]
    public static partial void ExportUnreadable(ILogger logger, string problem);
}
