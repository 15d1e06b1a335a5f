using System.Net;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Mapper.Console.Tests.Api;

/// <summary>
/// A body the server cannot finish reading, or a client that hangs up, is the client's doing: never a 500,
/// never in the 5xx SLI (else anyone could page on-call by cutting connections). The network is the fake here.
/// </summary>
public sealed class BrokenConnectionTests
{
    [Fact]
    public async Task Map_BodyEndsBeforeContentLength_Returns400AndNo5xx()
    {
        await using var factory = new MapperFactory();

        var context = await factory.Server.SendAsync(c => Post(c, new FailingBody(() => new BadHttpRequestException("Unexpected end of request content.", 400))), TestContext.Current.CancellationToken);

        Assert.Equal(400, context.Response.StatusCode);
        var detail = context.Json()["detail"]!;
        Assert.Equal("INVALID_REQUEST", (string?)detail["error_code"]);
        Assert.StartsWith("body: could not be read", (string?)detail["message"]);
        await AssertNo5xxAsync(factory, responses: 1);
    }

    [Fact]
    public async Task Map_BodyTooSlow_Returns408AndNo5xx()
    {
        await using var factory = new MapperFactory();

        var context = await factory.Server.SendAsync(c => Post(c, new FailingBody(() => new BadHttpRequestException("Request body too slow.", 408))), TestContext.Current.CancellationToken);

        Assert.Equal(408, context.Response.StatusCode);
        Assert.Equal("body: arrived too slowly", (string?)context.Json()["detail"]!["message"]);
        await AssertNo5xxAsync(factory, responses: 1);
    }

    /// <remarks>ASP.NET Core's exception handler already answers an aborted request 499; this keeps it so.</remarks>
    [Fact]
    public async Task Map_ClientHangsUpMidBody_CountsNo5xx()
    {
        await using var factory = new MapperFactory();
        using var hangUp = new CancellationTokenSource();

        // The body stalls until the client goes away; then the read fails as a reset connection does.
        var send = factory.Server.SendAsync(c => Post(c, new FailingBody(() => new IOException("Connection reset by peer"), c.RequestAborted)), hangUp.Token);
        await hangUp.CancelAsync();
        try
        {
            await send;
        }
        catch (OperationCanceledException)
        {
            // The client side of a hang-up; what matters is what the server counted.
        }

        await AssertNo5xxAsync(factory, responses: 1);
    }

    private static void Post(HttpContext context, Stream body)
    {
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = "/map";
        context.Request.ContentType = "application/json";
        context.Request.Body = body;
    }

    /// <summary>Waits (with a deadline) until the mapping responses are counted, then asserts none was a 5xx.</summary>
    private static async Task AssertNo5xxAsync(MapperFactory factory, int responses)
    {
        using var client = factory.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var summary = await (await client.GetAsync("/metrics/summary", TestContext.Current.CancellationToken)).JsonAsync();
            var counted = (long)summary["slis"]!["http_responses"]!;
            if (counted >= responses || DateTime.UtcNow > deadline)
            {
                Assert.Equal(responses, counted);
                Assert.Equal(0, (long)summary["slis"]!["http5xx"]!);
                return;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>A request body that fails as the network makes it fail: at once, or when the request is aborted.</summary>
    private sealed class FailingBody(Func<Exception> failure, CancellationToken waitFor = default) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (waitFor.CanBeCanceled)
            {
                await Task.Delay(Timeout.Infinite, waitFor).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            throw failure();
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
