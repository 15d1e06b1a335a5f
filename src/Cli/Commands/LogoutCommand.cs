using System.Globalization;
using System.Text.Json.Nodes;
using Mapper.Cli.Remote;

namespace Mapper.Cli.Commands;

/// <summary><c>mapper logout</c>: revokes the token saved for the URL on the console, then forgets it (also when the console cannot be reached).</summary>
public static class LogoutCommand
{
    public static CliCommand Definition { get; } = RemoteCommands.Define(
        ["logout"], "mapper logout   (revokes and forgets the saved token; MAPPER_TOKEN is yours to unset)", [], [], RunAsync);

    private static async Task<int> RunAsync(RemoteCall call)
    {
        var tokens = call.Tokens;
        if (tokens?.Find(call.Url) is not { } saved)
        {
            return await call.WriteAsync(new JsonObject { ["url"] = call.Shown, ["logged_out"] = false }, $"not logged in to {call.Shown}: no saved token");
        }

        string revoked;
        try
        {
            if (saved.TokenId is not { } id)
            {
                revoked = "not revoked (its id was not saved)";
            }
            else
            {
                using var client = new ConsoleClient(call.Url, saved.Token, call.Context.Handler);
                await client.SendAsync(HttpMethod.Delete, "api/v1/tokens/" + id.ToString(CultureInfo.InvariantCulture), null, call.CancellationToken);
                revoked = $"token {id} revoked";
            }
        }
        catch (ConsoleCallException e) when (e.Status == 401)
        {
            revoked = "the console no longer accepted it (expired or revoked already)";
        }
        catch (ConsoleCallException e)
        {
            tokens.Remove(call.Url);
            throw new ConsoleCallException(e.ExitCode, $"forgot the token saved for {call.Shown}, but could not revoke it, so it stays valid until it expires " +
                $"(revoke it on the Users page): {e.Message}", e.Body) { Status = e.Status, ErrorCode = e.ErrorCode };
        }

        tokens.Remove(call.Url);
        var json = new JsonObject { ["url"] = call.Shown, ["logged_out"] = true, ["token_id"] = saved.TokenId, ["revoked"] = revoked.EndsWith("revoked", StringComparison.Ordinal) };
        return await call.WriteAsync(json, $"logged out of {call.Shown}: {revoked}, and removed from {tokens.Path}");
    }
}
