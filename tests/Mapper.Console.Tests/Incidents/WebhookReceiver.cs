using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mapper.Console.Tests.Incidents;

/// <summary>A real HTTP endpoint on 127.0.0.1 (Kestrel, port chosen by the system) that answers pages as scripted and keeps what it got.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script;
    private readonly TimeSpan _delay;

    private WebhookReceiver(WebApplication app, IEnumerable<int> script, TimeSpan delay)
    {
        _app = app;
        _script = new ConcurrentQueue<int>(script);
        _delay = delay;
    }

    /// <summary>One request as it arrived.</summary>
    public sealed record Received(byte[] Body, IReadOnlyDictionary<string, string> Headers);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Uri Url { get; private set; } = null!;

    /// <summary>Answers each request with the next status of <paramref name="script"/> (then 200), after <paramref name="delay"/>.</summary>
    public static async Task<WebhookReceiver> StartAsync(IEnumerable<int> script, TimeSpan? delay = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, script, delay ?? TimeSpan.Zero);
        app.MapPost("/page", receiver.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/page");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        Requests.Enqueue(new Received(buffer.ToArray(), context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        if (_delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(_delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = _script.TryDequeue(out var status) ? status : 200;
    }
}
