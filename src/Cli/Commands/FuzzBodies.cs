using System.Text;

namespace Mapper.Cli.Commands;

/// <summary>One fuzz request: where it goes, its bytes, its content type (null: none sent), extra headers, and how it was made.</summary>
public sealed record FuzzCase(string Path, byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, string Kind);

/// <summary>
/// Seeded request bodies for <c>mapper bench fuzz</c>: valid ones (both shapes, batches), byte-level mutations
/// of valid ones (flips, inserts of hostile bytes, cuts, truncation), value-level mutations (wrong types, odd
/// unicode, huge and non-finite numbers, duplicate and unknown keys), and hostile bodies made from scratch
/// (deep nesting, oversize, raw content, many labels and items, odd roots, random bytes), under a mix of content
/// types and headers. The same seed gives the same cases in the same order.
/// </summary>
public sealed class FuzzBodies(int seed)
{
    private readonly Random _random = new(seed);
    private readonly FuzzValues _values = new(seed);

    public FuzzCase Next()
    {
        var batch = _random.Next(10) < 4;
        var (kind, body) = _random.Next(100) switch
        {
            < 15 => ("valid", Encoding.UTF8.GetBytes(batch ? _values.Batch() : _values.Item())),
            < 40 => ("bytes", MutateBytes(Encoding.UTF8.GetBytes(batch ? _values.Batch() : _values.Item()))),
            < 70 => ("values", Encoding.UTF8.GetBytes(batch ? _values.Batch(hostile: true) : _values.Item(hostile: true))),
            _ => Hostile(batch),
        };
        return new FuzzCase(batch ? "/map/batch" : "/map", body, ContentType(), Headers(), kind);
    }

    private (string Kind, byte[] Body) Hostile(bool batch)
    {
        var item = _values.Item();
        switch (_random.Next(12))
        {
            case 0:
                return ("deep", Utf8(Deep(_random.Next(2) == 0 ? _random.Next(20, 40) : _random.Next(40, 5000))));
            case 1:
                var pad = _random.Next(4) == 0
                    ? _values.ItemWithOutput(new string('x', 70_000))
                    : item.Insert(1, "\"pad\":[" + string.Join(',', Enumerable.Repeat("1", 35_000)) + "],");
                return ("oversize", Utf8(pad));
            case 2:
                return ("labels", Utf8(batch
                    ? Batch(Enumerable.Range(0, _random.Next(1, 100)).Select(_ => _values.ItemWithOutput(_values.Labels(_random.Next(1, 300)))))
                    : _values.ItemWithOutput(_values.Labels(_random.Next(1, 300)))));
            case 3:
                var count = _random.Next(3) switch { 0 => 0, 1 => 101, _ => _random.Next(90, 400) };
                return ("items", Utf8(Batch(Enumerable.Range(0, count).Select(_ => _values.Item()))));
            case 4:
                var raw = _random.Next(3) switch
                {
                    0 => new string('a', _random.Next(2048, 4000)),
                    1 => string.Join("\\n", Enumerable.Range(0, 5).Select(_ => "line")),
                    _ => Convert.ToBase64String([.. Enumerable.Range(0, 400).Select(_ => (byte)_random.Next(256))]),
                };
                return ("raw_content", Utf8(_values.ItemWithOutput(raw)));
            case 5:
                return ("roots", Utf8(Pick("null", "[]", "{}", "\"x\"", "1", "true", "[{}]", "{\"requests\":{}}", "{\"requests\":null}", " ", "\t\r\n", "[" + item + "]")));
            case 6:
                return ("keys", Utf8("{" + string.Join(',', Enumerable.Range(0, _random.Next(1, 6000)).Select(i => $"\"k{i}\":{i}")) + "}"));
            case 7:
                return ("long_key", Utf8(item.Insert(1, "\"" + new string('k', _random.Next(100, 5000)) + "\":1,")));
            case 8:
                return ("random_bytes", [.. Enumerable.Range(0, _random.Next(0, 2000)).Select(_ => (byte)_random.Next(256))]);
            case 9:
                return ("bom", [0xEF, 0xBB, 0xBF, .. Utf8(item)]);
            case 10:
                var metadata = ",\"metadata\":{\"coverage_achieved\":" + _values.Number() + ",\"provenance\":[{\"detector\":\"a\",\"processing_time_ms\":" + _values.Number() + "}]}";
                return ("numbers", Utf8(item.Insert(item.Length - 1, metadata)));
            default:
                return ("truncated", Utf8(item)[..Math.Max(0, _random.Next(item.Length))]);
        }
    }

    private static string Batch(IEnumerable<string> items) => "{\"requests\":[" + string.Join(',', items) + "]}";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private byte[] MutateBytes(byte[] body)
    {
        var bytes = body.ToList();
        var edits = _random.Next(1, 6);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(6))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1:
                    bytes.InsertRange(at, Pick<byte[]>([0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x00], [0xE2, 0x80], "\""u8.ToArray(), "\\"u8.ToArray(), "{"u8.ToArray(), "]"u8.ToArray(), ","u8.ToArray(), "\\ud800"u8.ToArray(), "|"u8.ToArray()));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, _random.Next(1, 16)));
                    break;
                case 3:
                    var length = Math.Min(bytes.Count - at, _random.Next(1, 64));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = (byte)_random.Next(256);
                    break;
            }
        }

        return [.. bytes];
    }

    private string Deep(int depth)
    {
        var open = new StringBuilder("{\"detector\":\"presidio\",\"output\":\"US_SSN\",\"metadata\":");
        var closers = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            var array = _random.Next(2) == 0;
            open.Append(array ? "[" : "{\"a\":");
            closers.Insert(0, array ? "]" : "}");
        }

        return open.Append("1").Append(closers).Append('}').ToString();
    }

    private string? ContentType() => _random.Next(100) switch
    {
        < 80 => "application/json",
        < 84 => "application/json; charset=utf-8",
        < 87 => "text/plain",
        < 89 => null,
        < 91 => "application/x-www-form-urlencoded",
        < 93 => "application/json; charset=iso-8859-1",
        < 95 => "application/vnd.mapper+json",
        < 97 => "multipart/form-data; boundary=zz",
        _ => Pick("json", "application/", ";;;", "application/json; charset=", "*/*"),
    };

    private List<KeyValuePair<string, string>> Headers()
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (_random.Next(10) == 0)
        {
            headers.Add(new("X-Tenant-ID", Pick("t1", "t2", "", " ", new string('t', 300), "a,b", "\"quoted\"")));
        }

        if (_random.Next(10) == 0)
        {
            headers.Add(new("Idempotency-Key", Pick("k1", "k2", "k3", "bad key", new string('k', 200))));
        }

        if (_random.Next(20) == 0)
        {
            headers.Add(new("X-Request-ID", Pick("r1", "../../etc", new string('r', 500), "{}")));
        }

        if (_random.Next(10) == 0)
        {
            headers.Add(new("X-Forwarded-For", Pick("203.0.113.9", "1.2.3.4, 5.6.7.8", "not-an-ip", "::1", "999.1.1.1", ",,,", "[::1]:80")));
        }

        if (_random.Next(20) == 0)
        {
            headers.Add(new("X-API-Key", Pick("short", new string('k', 100))));
        }

        return headers;
    }

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
