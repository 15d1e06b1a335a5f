namespace Mapper.EndToEnd.Tests.Support;

/// <summary>A console process and a browser to look at it with: what <see cref="BrowserTest{TConsole}"/> opens its sessions on.</summary>
public interface IBrowserConsole
{
    ConsoleServer Server { get; }

    /// <summary>A fresh browser context and page, signed in as nobody.</summary>
    Task<BrowserSession> OpenAsync();

    /// <summary>A fresh context signed in as <paramref name="account"/>, on the overview.</summary>
    Task<BrowserSession> OpenSignedInAsync(Account account);
}
