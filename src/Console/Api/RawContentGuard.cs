using System.Text.Json;

namespace Mapper.Console.Api;

/// <summary>
/// Refuses bodies that carry raw content (documents, prompts, encoded blobs) instead of detector
/// output (contract §4). The verdict names the field and its size, never its text.
/// </summary>
public static class RawContentGuard
{
    public const int MaxStringLength = 2048;
    public const int MaxNewlines = 3;
    public const int MaxBase64Run = 256;
    public const int MaxContentKeyLength = 512;
    public const int MaxContentKeyNewlines = 2;

    private static readonly HashSet<string> ContentKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "content", "raw", "body", "document", "html", "markdown", "message", "attachment", "blob", "prompt", "user_input", "raw_output",
    };

    /// <summary>Why the body looks like raw content, or null when it does not. Strings must be valid Unicode (see <see cref="JsonBody"/>).</summary>
    public static FieldProblem? Check(JsonElement root) => Visit(root, FieldPath.Body);

    private static FieldProblem? Visit(JsonElement element, FieldPath path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return CheckString(element.GetString()!, path, "a string");
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Visit(item, path.Index(index++)) is { } verdict)
                    {
                        return verdict;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    // A key is judged before it is named: a raw-content key is not put into a path.
                    var verdict = CheckString(property.Name, path, "a key");
                    if (verdict is not null)
                    {
                        return verdict;
                    }

                    var child = path.Key(property.Name);
                    verdict = CheckContentKey(property, child) ?? Visit(property.Value, child);
                    if (verdict is not null)
                    {
                        return verdict;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static FieldProblem? CheckString(string value, FieldPath path, string what)
    {
        if (value.Length >= MaxStringLength)
        {
            return path.Problem($"{what} of {value.Length} characters looks like raw content");
        }

        var newlines = value.AsSpan().Count('\n');
        if (newlines >= MaxNewlines)
        {
            return path.Problem($"{what} with {newlines} newlines looks like raw content");
        }

        return LongestBase64Run(value) >= MaxBase64Run ? path.Problem($"{what} holding {value.Length} characters of base64-like text looks like raw content") : null;
    }

    private static FieldProblem? CheckContentKey(JsonProperty property, FieldPath path)
    {
        if (!ContentKeys.Contains(property.Name))
        {
            return null;
        }

        var (length, newlines) = TextSize(property.Value);
        return length >= MaxContentKeyLength || newlines >= MaxContentKeyNewlines
            ? path.Problem($"a content field holding {length} characters and {newlines} newlines looks like raw content")
            : null;
    }

    private static (int Length, int Newlines) TextSize(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => (element.GetString()!.Length, element.GetString()!.AsSpan().Count('\n')),
        JsonValueKind.Array => element.EnumerateArray().Select(TextSize).Aggregate((0, 0), (a, b) => (a.Item1 + b.Length, a.Item2 + b.Newlines)),
        JsonValueKind.Object => element.EnumerateObject().Select(p => TextSize(p.Value)).Aggregate((0, 0), (a, b) => (a.Item1 + b.Length, a.Item2 + b.Newlines)),
        _ => (0, 0),
    };

    private static int LongestBase64Run(string value)
    {
        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }
}
