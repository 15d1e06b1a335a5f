using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Mapper.Console.Store;

namespace Mapper.Console.Actions;

/// <summary>
/// The audit log's hash chain: each row's hash is SHA-256 over its previous hash and a canonical
/// serialisation of every other field, so changing, removing or reordering any row breaks every hash after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Hash(AuditEntry e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(e.PreviousHash);
            writer.WriteNumberValue(e.Id);
            writer.WriteStringValue(UtcTextConverter.Format(e.OccurredAt));
            writer.WriteStringValue(UtcTextConverter.Format(e.RecordedAt));
            foreach (var text in (string?[])[e.Actor, e.Role, e.Door, e.Action, e.Target, e.OldValue, e.NewValue, e.Reason, e.Result, e.Detail, e.RequestId, e.Live])
            {
                WriteText(writer, text);
            }

            WriteNumber(writer, e.IncidentId);
            writer.WriteNumberValue(e.Epoch);
            foreach (var value in (double?[])[e.SchemaValidPercent, e.FallbackPercent, e.P95LatencySeconds, e.Http5xxPercent])
            {
                // "R" round-trips every double exactly, and SQLite's REAL keeps all 64 bits.
                WriteText(writer, value?.ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The first row whose hash or link is wrong, walking from the start; null when the chain holds.</summary>
    public static async Task<AuditBreak?> VerifyAsync(IAsyncEnumerable<AuditEntry> rows)
    {
        var previous = Genesis;
        long expectedId = 1, checkedRows = 0;
        await foreach (var row in rows)
        {
            if (row.Id != expectedId)
            {
                return new AuditBreak(row.Id, checkedRows, $"row {row.Id} follows row {expectedId - 1}: rows {expectedId} to {row.Id - 1} are missing");
            }

            if (!string.Equals(row.PreviousHash, previous, StringComparison.Ordinal))
            {
                return new AuditBreak(row.Id, checkedRows, $"row {row.Id} does not link to the hash of row {row.Id - 1}");
            }

            if (!string.Equals(Hash(row), row.Hash, StringComparison.Ordinal))
            {
                return new AuditBreak(row.Id, checkedRows, $"row {row.Id} was altered: its content does not match its hash");
            }

            previous = row.Hash;
            expectedId++;
            checkedRows++;
        }

        return null;
    }

    private static void WriteText(Utf8JsonWriter writer, string? text)
    {
        if (text is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Where the chain breaks: the first bad row and how many rows before it verified.</summary>
public sealed record AuditBreak(long RowId, long VerifiedRows, string Problem);
