using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mapper.Cli.Remote;

/// <summary>
/// What a remote verb works with: its flags, the console's URL (<c>--url</c>, else <c>MAPPER_URL</c>, else
/// <see cref="DefaultUrl"/>), the output format, and a client with the token (<c>MAPPER_TOKEN</c>, else the one
/// <c>mapper login</c> saved for that URL).
/// </summary>
public sealed class RemoteCall
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string UrlVariable = "MAPPER_URL";
    public const string TokenVariable = "MAPPER_TOKEN";

    /// <summary>Reads <c>--url</c> and <c>--format</c>; <paramref name="formats"/> is what <c>--format</c> may say, default first (an export: csv, json).</summary>
    public RemoteCall(string verb, CommandLine line, CliContext context, string[]? formats = null)
    {
        Verb = verb;
        Line = line;
        Context = context;
        Format = line.Choice("--format", formats ?? ["text", "json"]);
        Json = Format == "json";
        JsonErrors = Json;
        var text = line.Value("--url") ?? (context.Environment(UrlVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultUrl);
        Url = Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment)
            ? new Uri(TokenFile.Key(url) + "/")
            : throw new UsageException($"--url must be the console's http(s) address, e.g. {DefaultUrl}, not '{text}'");
    }

    public string Verb { get; }

    public CommandLine Line { get; }

    public CliContext Context { get; }

    public string Format { get; }

    /// <summary>True with <c>--format json</c>: stdout is exactly one JSON object (the console's answer, or its error).</summary>
    public bool Json { get; }

    /// <summary>Whether a refusal also goes to stdout as the console's error object; off where stdout is already a stream (an export).</summary>
    public bool JsonErrors { get; set; }

    /// <summary>The console's address with a trailing slash (<see cref="Shown"/> is how messages name it).</summary>
    public Uri Url { get; }

    public string Shown => TokenFile.Key(Url);

    public CancellationToken CancellationToken => Context.CancellationToken;

    /// <summary>Where tokens are saved; null when the context has no config directory.</summary>
    public TokenFile? Tokens => Context.ConfigDirectory is { } directory ? new TokenFile(directory) : null;

    public ConsoleClient Anonymous() => new(Url, null, Context.Handler);

    /// <summary>A client with the token in force; without one, exit 1 saying how to get one.</summary>
    public ConsoleClient Authenticated()
    {
        if (Context.Environment(TokenVariable) is { Length: > 0 } fromEnvironment)
        {
            return new ConsoleClient(Url, fromEnvironment.Trim(), Context.Handler);
        }

        var tokens = Tokens;
        if (tokens?.Find(Url) is not { } saved)
        {
            throw new ConsoleCallException(ExitCodes.Failed, $"not logged in to {Shown}: run `mapper login --user NAME --url {Shown}`, or set {TokenVariable}")
            {
                Status = 401,
                ErrorCode = "UNAUTHORIZED",
            };
        }

        if (tokens.Exposed)
        {
            Context.Err.WriteLine($"mapper: warning: {tokens.Path} is readable by others; run chmod 600 on it");
        }

        return new ConsoleClient(Url, saved.Token, Context.Handler);
    }

    /// <summary>Writes <paramref name="json"/> (one object) in JSON mode, else the text lines; exit 0.</summary>
    public async Task<int> WriteAsync(JsonNode json, string text)
    {
        await Context.Out.WriteLineAsync(Json ? json.ToJsonString(CliJson.Options) : text);
        return ExitCodes.Ok;
    }

    /// <summary>An applied change: the executor's message, the audit row and the epoch now live.</summary>
    public Task<int> AppliedAsync(JsonNode response)
    {
        var applied = response.Deserialize<ActionResult>(ApiViews.Json)!;
        var row = applied.AuditId is { } id ? $"audit row {id}, " : "";
        return WriteAsync(response, $"{applied.Message} ({row}epoch {applied.Epoch})");
    }

    /// <summary>Runs the verb; a refusal goes to stderr quoting the console (and in JSON mode its error object to stdout).</summary>
    public async Task<int> RunAsync(Func<RemoteCall, Task<int>> verb)
    {
        try
        {
            return await verb(this);
        }
        catch (ConsoleCallException e)
        {
            await Context.Err.WriteLineAsync($"mapper {Verb}: {e.Message}");
            if (JsonErrors)
            {
                var body = e.Body ?? new JsonObject
                {
                    ["detail"] = new JsonObject { ["error_code"] = e.ErrorCode ?? "FAILED", ["message"] = e.Message, ["request_id"] = null, ["retryable"] = e.ExitCode == ExitCodes.Unreachable },
                };
                await Context.Out.WriteLineAsync(body.ToJsonString(CliJson.Options));
            }

            return e.ExitCode;
        }
    }

    /// <summary><c>--reason</c>: every change says why (it goes in the audit log); missing is bad input.</summary>
    public string Reason() => Line.Required("--reason");

    /// <summary><c>--expected-epoch N</c>: the epoch the caller saw; the console refuses the change as stale if it moved.</summary>
    public long? ExpectedEpoch() => Line.ULong("--expected-epoch") switch
    {
        null => null,
        <= long.MaxValue and var epoch => (long)epoch,
        _ => throw new UsageException("--expected-epoch is too large"),
    };

    /// <summary>A time as the text output shows it: <c>2026-05-01 14:03:00Z</c>.</summary>
    public static string Time(DateTimeOffset? at) => at?.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture) ?? "-";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
