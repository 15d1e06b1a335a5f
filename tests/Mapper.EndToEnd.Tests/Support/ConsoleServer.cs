using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// The built console (<c>Mapper.Console.dll</c>, copied beside the caller by its project reference) as its own
/// process on a free loopback port, with a temp data directory, a known admin password and the small model.
/// Shared with the UI benchmark (linked there), so it uses no test framework.
/// </summary>
public sealed partial class ConsoleServer : IAsyncDisposable
{
    public const string AdminPassword = "e2e-admin-password-1";

    /// <summary>A baseline that trains in about a second (its quality is not what these runs look at).</summary>
    public static readonly IReadOnlyDictionary<string, string> SmallModel = new Dictionary<string, string>
    {
        ["Model__Enabled"] = "true",
        ["Model__BaselineTraining__Buckets"] = "16384",
        ["Model__BaselineTraining__Dim"] = "16",
        ["Model__BaselineTraining__Epochs"] = "6",
        ["Model__BaselineTraining__Seed"] = "7",
        ["Model__BaselineTraining__Data__VariantsPerRule"] = "4",
        ["Model__BaselineTraining__Data__VariantsPerAlias"] = "1",
        ["Model__BaselineTraining__Data__NegationsPerDetector"] = "8",
        ["Model__BaselineTraining__Data__JunkRows"] = "100",
    };

    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConsoleServer(Process process, string dataDirectory)
    {
        _process = process;
        DataDirectory = dataDirectory;
        _process.OutputDataReceived += (_, e) => Take(e.Data);
        _process.ErrorDataReceived += (_, e) => Take(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public Uri BaseAddress => _listening.Task.Result;

    public int ProcessId => _process.Id;

    public string DataDirectory { get; }

    /// <summary>The newest lines the console printed (its log), for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    /// <summary>Starts the console, waits until it listens and its model adapter is active (the baseline trained).</summary>
    public static async Task<ConsoleServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var data = Directory.CreateTempSubdirectory("mapper-e2e-").FullName;
        var server = new ConsoleServer(Process.Start(StartInfo(data, environment))!, data);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(120));
            var exited = server._process.WaitForExitAsync(deadline.Token);
            if (await Task.WhenAny(server._listening.Task, exited) != server._listening.Task)
            {
                throw new InvalidOperationException($"the console did not start listening:\n{server.RecentOutput}");
            }

            await server.WaitForActiveModelAsync(deadline.Token);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file the killed process still held: the temp folder is the OS's to clean then.
        }
    }

    private async Task WaitForActiveModelAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient();
        string? last = null;
        while (true)
        {
            try
            {
                last = await client.GetStringAsync("/health", cancellationToken);
                if ((string?)JsonNode.Parse(last)?["model"]?["state"] == "active")
                {
                    return;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException($"the model adapter did not become active; last /health: {last}\n{RecentOutput}");
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the console exited with {_process.ExitCode}:\n{RecentOutput}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mapper.Console.dll"));
        start.ArgumentList.Add("--urls=http://127.0.0.1:0");
        start.Environment["MAPPER_DATA_DIR"] = dataDirectory;
        start.Environment["MAPPER_ADMIN_PASSWORD"] = AdminPassword;

        // The build output serves MudBlazor's and the framework's static files only through the static web assets
        // manifest, which ASP.NET Core reads in Development (Production would answer them 200 with an empty body).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        foreach (var (name, value) in SmallModel)
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private void Take(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
