using Microsoft.Extensions.Logging;

namespace Mapper.Engine.Model.Serving;

/// <summary>Important model-path events with stable event ids. Raw detector output is never logged.</summary>
internal static partial class ModelLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Adapter {Adapter} active as revision {Revision} ({Kind}) in {Milliseconds} ms: {Reason}")]
    public static partial void Activated(ILogger logger, string adapter, int revision, string kind, long milliseconds, string? reason);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Adapter {Adapter} rejected ({Rejection}); {Serving} keeps serving: {Detail}")]
    public static partial void Rejected(ILogger logger, string adapter, string rejection, string serving, string detail);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Adapter {Adapter} restored from registry revision {Revision}")]
    public static partial void Restored(ILogger logger, string adapter, int revision);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "No adapter in the store: trained the bundled baseline {Adapter} in {Seconds:F2} s ({Rows} rows, {Dropped} dropped by the leak guard, {Bytes} bytes) and activated it")]
    public static partial void BaselineTrained(ILogger logger, string adapter, double seconds, int rows, int dropped, long bytes);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Could not restore adapter {Adapter} from the registry: {Detail}")]
    public static partial void RestoreFailed(ILogger logger, string adapter, string detail);
}
