using System.Text;
using System.Text.Json.Nodes;
using Mapper.Console.Actions;
using Mapper.Console.Incidents;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Incidents;

/// <summary>The webhook against a real local HTTP endpoint: retries with backoff, gives up cleanly, signs the body.</summary>
public sealed class WebhookNotifierTests
{
    private const string Secret = "a-secret-of-sixteen-plus";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":"escalation"}""");

    [Fact]
    public async Task SendAsync_FailsTwiceThenAccepts_DeliveredAfterThreeAttemptsEachSigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync([503, 500]);

        var result = await Notifier(new EscalationOptions { Secret = Secret, MaxAttempts = 4, BackoffSeconds = 0.05 }).SendAsync(receiver.Url, Body, 7, TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(true, 3, null), result);
        Assert.Equal(3, receiver.Requests.Count);
        foreach (var request in receiver.Requests)
        {
            Assert.Equal(Body, request.Body);
            Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body)), request.Headers[WebhookNotifier.SignatureHeader]);
            Assert.Equal("7", request.Headers[WebhookNotifier.DeliveryHeader]);
            Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SendAsync_AlwaysFails_GivesUpAfterMaxAttemptsWithTheLastError()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Enumerable.Repeat(502, 10));

        var result = await Notifier(new EscalationOptions { MaxAttempts = 3, BackoffSeconds = 0.05 }).SendAsync(receiver.Url, Body, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(false, 3, "HTTP 502 Bad Gateway"), result);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.DoesNotContain(receiver.Requests, r => r.Headers.ContainsKey(WebhookNotifier.SignatureHeader));
    }

    [Fact]
    public async Task SendAsync_NoAnswerInTime_EachAttemptTimesOutAndItGivesUp()
    {
        await using var receiver = await WebhookReceiver.StartAsync([], TimeSpan.FromSeconds(30));

        var result = await Notifier(new EscalationOptions { MaxAttempts = 2, BackoffSeconds = 0, TimeoutSeconds = 0.3 }).SendAsync(receiver.Url, Body, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(false, 2, "no answer within 0.3 s"), result);
    }

    [Fact]
    public async Task SendAsync_ReceiverRefusesWith404_IsNotRetried()
    {
        await using var receiver = await WebhookReceiver.StartAsync([404]);

        var result = await Notifier(new EscalationOptions { MaxAttempts = 4, BackoffSeconds = 0 }).SendAsync(receiver.Url, Body, 1, TestContext.Current.CancellationToken);

        Assert.Equal(new DeliveryResult(false, 1, "HTTP 404 Not Found"), result);
    }

    [Fact]
    public async Task SendAsync_NobodyListens_ConnectionErrorsUntilItGivesUp()
    {
        var url = ClosedPort();

        var result = await Notifier(new EscalationOptions { MaxAttempts = 2, BackoffSeconds = 0 }).SendAsync(url, Body, 1, TestContext.Current.CancellationToken);

        Assert.False(result.Delivered);
        Assert.Equal(2, result.Attempts);
        Assert.Contains("ConnectionError", result.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageSecondary_WebhookConfigured_DeliversTheIncidentAndSlisAndTheTimelineSaysSo()
    {
        await using var receiver = await WebhookReceiver.StartAsync([500]);
        await using var factory = new MapperFactory(new Dictionary<string, string?>
        {
            ["Escalation:WebhookUrl"] = receiver.Url.ToString(),
            ["Escalation:Secret"] = Secret,
            ["Escalation:BackoffSeconds"] = "0.05",
            ["Escalation:ConsoleUrl"] = "https://mapper.example",
        });
        var executor = factory.Executor();
        var opened = await executor.RunAsync(Actor.System, new OpenIncident("5xx", "critical"), TestContext.Current.CancellationToken);
        var id = long.Parse(opened.Created!, System.Globalization.CultureInfo.InvariantCulture);

        var paged = await executor.RunAsync(new Actor("admin", Door.Runbook), new PageSecondary(id) { Reason = "5xx for 30 min" }, TestContext.Current.CancellationToken);
        var timeline = factory.Services.GetRequiredService<IncidentTimeline>();
        TimelineEvent? escalation = null;
        await ApiCalls.EventuallyAsync(async () =>
        {
            escalation = Assert.Single((await timeline.BuildAsync(id, TestContext.Current.CancellationToken))!.OfKind(TimelineKind.Escalation));
            Assert.Equal(Escalation.Delivered, escalation.Result);
        }, TimeSpan.FromSeconds(20));

        Assert.True(paged.Succeeded, paged.Message);
        Assert.Equal("delivered after 2 attempts", escalation!.To);
        Assert.Equal(("admin", "5xx for 30 min"), (escalation.Actor, escalation.Reason));
        var body = JsonNode.Parse(receiver.Requests.Last().Body)!;
        Assert.Equal("manual", (string?)body["kind"]);
        Assert.Equal("5xx for 30 min", (string?)body["reason"]);
        Assert.Equal($"https://mapper.example/incidents/{id}", (string?)body["incident"]!["url"]);
        Assert.Null(body["incident_note"]);
        Assert.True(body["slis"]!.AsObject().ContainsKey("http_5xx_percent"));
        Assert.Equal(5.0, (double)body["slis"]!["window_minutes"]!);
        var delivery = Assert.Single((await factory.Services.GetRequiredService<AuditQueries>().PageAsync(new AuditFilter(Action: IncidentTargets.Delivery), 1, 5, TestContext.Current.CancellationToken)).Rows);
        Assert.Equal(("system", "delivered", id), (delivery.Actor, delivery.NewValue, delivery.IncidentId));
    }

    private static WebhookNotifier Notifier(EscalationOptions options)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookNotifier.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        return new WebhookNotifier(services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), options, TimeProvider.System);
    }

    /// <summary>A loopback address where nothing listens: a port the system gave out and took back.</summary>
    private static Uri ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/page");
    }
}
