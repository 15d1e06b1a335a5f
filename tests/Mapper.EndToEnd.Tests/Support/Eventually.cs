namespace Mapper.EndToEnd.Tests.Support;

/// <summary>Polls an assertion until it holds or the deadline passes; then the last failure is the test's.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task> check, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            try
            {
                await check();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
    }
}
