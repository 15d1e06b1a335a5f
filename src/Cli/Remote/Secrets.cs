namespace Mapper.Cli.Remote;

/// <summary>Passwords: typed at a prompt without echo on a terminal, else the first line of stdin (<c>pass show ops | mapper login ...</c>).</summary>
public static class Secrets
{
    public static async Task<string> ReadAsync(CliContext context, string prompt, bool confirm)
    {
        string? secret;
        if (context.ReadSecret is { } ask)
        {
            secret = ask(prompt);
            if (confirm && !string.IsNullOrEmpty(secret) && ask("again: ") != secret)
            {
                throw new InputFileException("the two passwords differ; nothing was changed");
            }
        }
        else
        {
            secret = await context.In.ReadLineAsync(context.CancellationToken);
        }

        return string.IsNullOrEmpty(secret)
            ? throw new InputFileException("no password given: type it at the prompt, or send it as the first line of stdin")
            : secret;
    }
}
