using System.Text.RegularExpressions;

namespace Mapper.Console.Tests.Support;

/// <summary>The sign-in page as a browser posts it: fetch the form (and its antiforgery token), then post it.</summary>
public static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string user, string password, string path = "/signin")
    {
        var page = await browser.GetStringAsync(path, TestContext.Current.CancellationToken);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "signin",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        });
        return await browser.PostAsync(path, form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
