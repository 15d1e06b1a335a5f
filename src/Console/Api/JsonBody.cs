using System.Text.Json;

namespace Mapper.Console.Api;

/// <summary>
/// Parses a request body, first refusing with 422 what System.Text.Json reads but the API must not take:
/// text that is not Unicode (invalid UTF-8, a lone surrogate escape such as <c>"\ud800"</c>: reading it
/// later would throw, a 500), duplicate keys (which one counts is a parser's accident), numbers beyond a
/// double (<c>1e400</c> reads as infinity), nesting deeper than <see cref="MaxDepth"/>. One forward pass; the
/// path of the fault is only built when there is one.
/// </summary>
public static class JsonBody
{
    public const int MaxDepth = 32;

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>The parsed body, or <see cref="ApiProblemException"/> 422 naming the field at fault.</summary>
    public static JsonDocument Parse(byte[] body)
    {
        var json = body.AsMemory();
        if (json.Span.StartsWith(Utf8Bom))
        {
            json = json[Utf8Bom.Length..];
        }

        if (Check(json.Span) is { } problem)
        {
            throw ApiProblemException.Invalid(problem);
        }

        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            // The check above reads what the parser reads; this only keeps a disagreement between them a 422.
            throw ApiProblemException.Invalid($"body: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})");
        }
    }

    /// <summary>The first fault of <paramref name="json"/>, or null when the API can read all of it.</summary>
    public static FieldProblem? Check(ReadOnlySpan<byte> json)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return FieldPath.Body.Problem("required, a JSON object");
        }

        // The reader's own limit is above ours, so ours fires first and names the place.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth * 2 });
        var scopes = new JsonScopes();
        try
        {
            while (reader.Read())
            {
                if (Step(ref reader, scopes) is { } problem)
                {
                    return problem;
                }
            }
        }
        catch (JsonException e)
        {
            return FieldProblem.Plain($"body: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})");
        }

        return null;
    }

    private static FieldProblem? Step(ref Utf8JsonReader reader, JsonScopes scopes)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                scopes.OnValue();
                if (scopes.Depth >= MaxDepth)
                {
                    return scopes.Path().Problem($"nested deeper than {MaxDepth} levels");
                }

                scopes.Push(reader.TokenType == JsonTokenType.StartArray);
                return null;
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                scopes.Pop();
                return null;
            case JsonTokenType.PropertyName:
                return scopes.AddKey(ref reader) switch
                {
                    null => scopes.ContainerPath().Problem("a key is not valid Unicode text (invalid UTF-8, or a lone surrogate escape such as \\ud800)"),
                    false => scopes.Path().Problem("a duplicate key; each key may appear once"),
                    _ => null,
                };
            case JsonTokenType.String:
                scopes.OnValue();
                return scopes.IsUnicode(ref reader) ? null : scopes.Path().Problem("not valid Unicode text (invalid UTF-8, or a lone surrogate escape such as \\ud800)");
            case JsonTokenType.Number:
                scopes.OnValue();
                return reader.TryGetDouble(out var number) && double.IsFinite(number)
                    ? null
                    : scopes.Path().Problem("a number beyond the range of a double; numbers must be finite");
            default:
                scopes.OnValue();
                return null;
        }
    }
}
