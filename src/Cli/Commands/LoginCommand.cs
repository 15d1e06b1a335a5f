using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary>
/// <c>mapper login</c>: trades a user name and password for a bearer token (<c>POST /api/v1/tokens</c>) and saves it
/// for the console's URL. The token is printed only with <c>--show-token</c>, once.
/// </summary>
public static class LoginCommand
{
    public static CliCommand Definition { get; } = RemoteCommands.Define(
        ["login"],
        "mapper login --user NAME [--name TOKEN_NAME] [--lifetime-days N] [--show-token]   (password at the prompt, or the first line of stdin)",
        ["--user", "--name", "--lifetime-days"], ["--show-token"], RunAsync);

    private static async Task<int> RunAsync(RemoteCall call)
    {
        var user = call.Line.Required("--user");
        var name = call.Line.Value("--name");
        var days = call.Line.Int("--lifetime-days", 1, 3650);
        var show = call.Line.Has("--show-token");
        var tokens = call.Tokens ?? throw new InputFileException("no config directory to save the token in: set XDG_CONFIG_HOME or HOME");
        var password = await Secrets.ReadAsync(call.Context, $"password for {user} at {call.Shown}: ", confirm: false);

        JsonNode response;
        using (var anonymous = call.Anonymous())
        {
            response = await anonymous.SendAsync(HttpMethod.Post, "api/v1/tokens", new NewTokenRequest(user, password, name, days), call.CancellationToken);
        }

        var created = response.Deserialize<ActionResult>(ApiViews.Json)!;
        var secret = created.Secret ?? throw new ConsoleCallException(ExitCodes.Failed, $"{call.Shown} made no token (its answer has no secret)");
        long? id = long.TryParse(created.Created, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var (me, info) = await DescribeAsync(call, secret, id);
        tokens.Save(call.Url, new SavedToken(secret, id, me?.Name ?? user, call.Context.Time.GetUtcNow(), info?.ExpiresAt));
        if (call.Context.Environment(RemoteCall.TokenVariable) is { Length: > 0 })
        {
            await call.Context.Err.WriteLineAsync($"mapper login: note: {RemoteCall.TokenVariable} is set and wins over the saved token until you unset it");
        }

        var json = response.DeepClone().AsObject();
        json.Remove("secret");
        json["url"] = call.Shown;
        json["user"] = me?.Name ?? user;
        json["role"] = me?.Role;
        json["expires_at"] = info?.ExpiresAt;
        json["token_file"] = tokens.Path;
        if (show)
        {
            json["token"] = secret;
        }

        var what = info is null ? $"token {created.Created}" : $"token {info.Id} '{info.Name}', expires {RemoteCall.Time(info.ExpiresAt)}";
        var text = $"logged in to {call.Shown} as {me?.Name ?? user}{(me is null ? "" : $" ({me.Role})")}: {what}; saved in {tokens.Path}";
        return await call.WriteAsync(json, show ? text + "\n" + secret : text);
    }

    /// <summary>The account's role and the token's expiry, for the summary; the token is made whether or not these answer.</summary>
    private static async Task<(Me? Me, TokenInfo? Info)> DescribeAsync(RemoteCall call, string secret, long? id)
    {
        using var client = new ConsoleClient(call.Url, secret, call.Context.Handler);
        try
        {
            var me = (await client.GetAsync("api/v1/me", call.CancellationToken)).Deserialize<Me>(ApiViews.Json);
            var mine = (await client.GetAsync("api/v1/tokens", call.CancellationToken)).Deserialize<List<TokenInfo>>(ApiViews.Json);
            return (me, mine?.FirstOrDefault(t => t.Id == id));
        }
        catch (ConsoleCallException)
        {
            return (null, null);
        }
    }
}
