using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Mapper.EndToEnd.Tests.Support;

/// <summary>
/// Browser sessions on one console: signed in as nobody, or as an account. The first session per account signs in
/// through the sign-in page; later ones start from the cookies it left (sign-in itself is tested on its own).
/// </summary>
public sealed class SignedInSessions(IBrowser browser, Uri baseAddress)
{
    private readonly ConcurrentDictionary<string, Task<string>> _states = new();

    /// <summary>A fresh browser context and page, signed in as nobody.</summary>
    public Task<BrowserSession> OpenAsync() => BrowserSession.OpenAsync(browser, baseAddress);

    /// <summary>A fresh context already signed in as <paramref name="account"/>.</summary>
    public async Task<BrowserSession> OpenSignedInAsync(Account account)
    {
        var state = await _states.GetOrAdd(account.Name, _ => SignInOnceAsync(account));
        return await BrowserSession.OpenAsync(browser, baseAddress, state);
    }

    private async Task<string> SignInOnceAsync(Account account)
    {
        await using var session = await OpenAsync();
        await new Pages.SignInPage(session.Page).SignInAsync(account);
        if (session.Problems.Count > 0)
        {
            throw new InvalidOperationException($"signing in as {account.Name}: {string.Join('\n', session.Problems)}");
        }

        return await session.Context.StorageStateAsync();
    }
}
