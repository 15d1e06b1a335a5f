namespace Mapper.Console.Tests.Support;

/// <summary>One console with default settings for tests that only read their own responses.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public MapperFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
