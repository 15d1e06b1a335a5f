using System.Text;

namespace Mapper.Cli.Commands;

/// <summary>
/// The JSON text pieces <see cref="FuzzBodies"/> builds from: valid items of both shapes, and items with one
/// field made hostile. Written by hand, not serialized, so a body can hold what a serializer would never
/// write: duplicate keys, lone surrogate escapes, numbers past a double.
/// </summary>
public sealed class FuzzValues(int seed)
{
    private static readonly (string Detector, string Output)[] Outputs =
    [
        ("presidio", "US_SSN"), ("presidio", "EMAIL_ADDRESS|PHONE_NUMBER"), ("openai-moderation", "hate/threatening"),
        ("llama-guard", "S1"), ("llama-guard", "unsafe\\nS10"), ("deberta-toxicity", "toxic"), ("deberta-toxicity", "not_toxic"),
        ("regex-pii", "ssn"), ("azure-content-safety", "Violence"), ("acme-detector", "weird_label"), ("presidio", "error"),
        ("google-cloud-dlp", "US_SOCIAL_SECURITY_NUMBER"), ("PRESIDIO", " us ssn "), ("presidio", "|||"), ("presidio", ""),
    ];

    /// <summary>JSON string literals (quotes included) no field should choke on, and some no field may accept.</summary>
    private static readonly string[] OddStrings =
    [
        "\"\\ud800\"", "\"x\\udc00y\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\u202e\\u200f\"", "\"\\ufeff\"", "\"\\uffff\\ufffe\"",
        "\"\\udbff\\udfff\"", "\"é\\u0301\"", "\"ǅİıßﬁς\"", "\"日本語のラベル\"", "\"\\\\\"", "\"\\/\"", "\"  \"", "\"\"", "\"|\"", "\"a|b|c|d|e|f|g|h\"",
        "\"\\t\\r\\b\\f\"", "\"💥🔥\"", "\"\\\"quoted\\\"\"", "\"%s%n{0}\"", "\"<script>\"", "\"null\"", "\"NaN\"", "\"Infinity\"",
    ];

    private static readonly string[] Numbers =
    [
        "1e400", "-1e400", "1e-400", "-0", "0", "0.5", "1", "2", "-1", "1E+308", "4.9e-324", "123456789012345678901234567890",
        "1.00000000000000000000001", "0.99999999999999999999", new string('9', 400), "-" + new string('1', 300) + ".5e-10",
    ];

    private readonly Random _random = new(seed ^ 0x5EED);

    public string Item(bool hostile = false)
    {
        var (detector, output) = Outputs[_random.Next(Outputs.Length)];
        var fields = new List<(string Key, string Value)> { ("detector", Quote(detector)), ("output", Quote(output)) };
        if (_random.Next(5) != 0)
        {
            fields.Add(("tenant_id", Quote("tenant-" + _random.Next(20))));
        }

        if (_random.Next(3) == 0)
        {
            fields.Add(("metadata", Metadata(hostile)));
        }

        if (hostile)
        {
            Mutate(fields);
        }

        return Render(fields);
    }

    public string ItemWithOutput(string jsonSafeOutput) => Render([("detector", "\"presidio\""), ("output", Quote(jsonSafeOutput)), ("tenant_id", "\"t1\"")]);

    public string Batch(bool hostile = false)
    {
        var items = Enumerable.Range(0, _random.Next(1, 12)).Select(_ => Item(hostile && _random.Next(3) == 0));
        var requests = hostile && _random.Next(8) == 0 ? Value() : "[" + string.Join(',', items) + "]";
        return hostile && _random.Next(10) == 0 ? Render([("requests", requests), ("requests", "[]")]) : Render([("requests", requests)]);
    }

    /// <summary><paramref name="count"/> labels, known and unknown, joined with '|'.</summary>
    public string Labels(int count) =>
        string.Join('|', Enumerable.Range(0, count).Select(_ => _random.Next(3) == 0 ? Outputs[_random.Next(Outputs.Length)].Output.Replace("\\n", "", StringComparison.Ordinal) : "zq" + _random.Next(100_000)));

    public string Number() => Numbers[_random.Next(Numbers.Length)];

    /// <summary>Any JSON value a field should not hold, or might.</summary>
    public string Value() => _random.Next(8) switch
    {
        0 => Number(),
        1 => OddStrings[_random.Next(OddStrings.Length)],
        2 => Pick("true", "false", "null"),
        3 => Pick("[]", "{}", "[1,\"a\",null]", "{\"a\":{\"b\":[{}]}}", "[[[[[[[[1]]]]]]]]"),
        4 => Quote(new string('x', _random.Next(60, 3000))),
        5 => Quote(string.Join('|', Enumerable.Range(0, _random.Next(2, 80)).Select(i => "p" + i))),
        6 => "[" + string.Join(',', Enumerable.Range(0, _random.Next(1, 50)).Select(_ => OddStrings[_random.Next(OddStrings.Length)])) + "]",
        _ => Quote("x"),
    };

    private string Metadata(bool hostile)
    {
        var fields = new List<(string Key, string Value)>();
        foreach (var (key, value) in new[]
        {
            ("contributing_detectors", "[\"presidio\",\"regex-pii\"]"), ("normalized_scores", "{\"PII.Identifier.SSN\":0.9}"),
            ("conflict_resolution_applied", "false"), ("aggregation_method", "\"majority_vote\""), ("coverage_achieved", "0.5"),
            ("provenance", "[{\"detector\":\"presidio\",\"confidence\":0.9,\"output\":\"US_SSN\",\"processing_time_ms\":3}]"),
        })
        {
            if (_random.Next(2) == 0)
            {
                fields.Add((key, value));
            }
        }

        if (hostile)
        {
            Mutate(fields);
        }

        return Render(fields);
    }

    /// <summary>One hostile change: a field's value replaced, a key repeated, an unknown key added, or a field dropped.</summary>
    private void Mutate(List<(string Key, string Value)> fields)
    {
        var at = fields.Count == 0 ? 0 : _random.Next(fields.Count);
        switch (_random.Next(fields.Count == 0 ? 1 : 4))
        {
            case 0:
                fields.Add((Pick("bogus", "\\ud800", "Output", "tenant_id\\u0000", "metadata", new string('k', 70), "text", "prompt"), Value()));
                break;
            case 1:
                fields[at] = (fields[at].Key, Value());
                break;
            case 2:
                fields.Insert(at, (fields[at].Key, Value()));
                break;
            default:
                fields.RemoveAt(at);
                break;
        }
    }

    private static string Render(IEnumerable<(string Key, string Value)> fields)
    {
        var text = new StringBuilder("{");
        foreach (var (key, value) in fields)
        {
            text.Append(text.Length > 1 ? "," : "").Append('"').Append(key).Append("\":").Append(value);
        }

        return text.Append('}').ToString();
    }

    /// <summary>A JSON string literal of text that is already safe inside quotes (escapes kept as written).</summary>
    private static string Quote(string jsonSafe) => "\"" + jsonSafe.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private T Pick<T>(params T[] choices) => choices[_random.Next(choices.Length)];
}
