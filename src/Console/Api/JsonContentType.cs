using Microsoft.Net.Http.Headers;

namespace Mapper.Console.Api;

/// <summary>
/// The mapping endpoints take JSON declared as JSON: <c>application/json</c> or <c>application/*+json</c>,
/// UTF-8 if a charset is named. Anything else, a missing type included, is a 415 with the contract's error
/// body: a <c>text/plain</c> (or untyped) POST is what a browser sends to another site without asking
/// first, so refusing it keeps a web page from driving the API on a visitor's network.
/// </summary>
public static class JsonContentType
{
    public static void Require(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
        {
            throw ApiProblemException.UnsupportedMediaType(request.ContentType is { Length: > 0 }
                ? "Content-Type: not a media type; send application/json"
                : "Content-Type: required, application/json");
        }

        var json = type.MatchesMediaType("application/json") || (type.Type.Equals("application", StringComparison.OrdinalIgnoreCase)
            && type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));
        if (!json)
        {
            throw ApiProblemException.UnsupportedMediaType("Content-Type: must be application/json");
        }

        var charset = type.Charset;
        if (charset.HasValue && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblemException.UnsupportedMediaType("Content-Type: charset must be utf-8 (JSON is UTF-8)");
        }
    }
}
