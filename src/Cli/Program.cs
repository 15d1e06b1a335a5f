using System.Text;

namespace Mapper.Cli;

/// <summary>
/// The <c>mapper</c> process: the real terminal, environment, config directory and network. A named class rather
/// than top-level statements: the console's <c>Program</c> is in the global namespace, and the CLI tests use both.
/// </summary>
public static class MapperProcess
{
    public static Task<int> Main(string[] args)
    {
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var context = new CliContext(System.Console.Out, System.Console.Error, CancellationToken.None)
        {
            In = System.Console.In,
            ReadSecret = System.Console.IsInputRedirected ? null : ReadWithoutEcho,
            ConfigDirectory = CliContext.DefaultConfigDirectory(environment, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)),
            Environment = environment,
        };
        return CliApp.RunAsync(args, context);
    }

    /// <summary>Reads a line from the terminal showing nothing (not even stars: the length is a secret too).</summary>
    private static string? ReadWithoutEcho(string prompt)
    {
        System.Console.Error.Write(prompt);
        var secret = new StringBuilder();
        while (true)
        {
            var key = System.Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                secret.Length = Math.Max(0, secret.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                secret.Append(key.KeyChar);
            }
        }

        System.Console.Error.WriteLine();
        return secret.ToString();
    }
}
