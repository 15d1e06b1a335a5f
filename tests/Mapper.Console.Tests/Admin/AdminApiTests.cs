using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mapper.Console.Tests.Admin;

/// <summary>The admin API door: bearer tokens only, the contract's error shape, and the executor's verdicts as statuses.</summary>
public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly MapperFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    public static TheoryData<string, string, string> Changes => new()
    {
        { "PUT", "/api/v1/controls/kill-switch", """{"on": true, "reason": "r"}""" },
        { "PUT", "/api/v1/controls/threshold", """{"value": 0.7, "reason": "r"}""" },
        { "PUT", "/api/v1/controls/thresholds/presidio", """{"value": 0.7, "reason": "r"}""" },
        { "PUT", "/api/v1/controls/batch-limits", """{"max_batch_size": 8, "max_batch_wait_ms": 0, "reason": "r"}""" },
        { "POST", "/api/v1/controls/reset", """{"reason": "r"}""" },
        { "POST", "/api/v1/adapters/activate", """{"version": "1.0.0", "reason": "r"}""" },
        { "POST", "/api/v1/adapters/rollback", """{"version": "1.0.0", "reason": "r"}""" },
        { "POST", "/api/v1/users", """{"name": "eve", "role": "admin", "password": "a-long-enough-password", "reason": "r"}""" },
        { "PUT", "/api/v1/users/admin/role", """{"role": "viewer", "reason": "r"}""" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_AsViewer_Is403AndAudited(string method, string path, string body)
    {
        using var viewer = await _factory.ClientAsAsync(ConsoleRole.Viewer);

        using var response = await viewer.SendJsonAsync(new HttpMethod(method), path, JsonNode.Parse(body)!);

        var detail = await response.AssertErrorAsync(403, "INSUFFICIENT_RBAC");
        using var admin = await _factory.ClientAsAsync(ConsoleRole.Admin);
        var last = (await admin.GetJsonAsync("/api/v1/audit?result=denied&size=1"))["rows"]![0]!;
        Assert.Equal(("test-viewer", "viewer", "api"), ((string?)last["actor"], (string?)last["role"], (string?)last["door"]));
        Assert.Equal((string?)detail["request_id"], (string?)last["request_id"]);
    }

    [Fact]
    public async Task KillSwitch_AsOperator_AppliedAndMapAnswersFromTheRules()
    {
        using var operatorClient = await _factory.ClientAsAsync(ConsoleRole.Operator);

        using var response = await operatorClient.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/kill-switch", new JsonObject { ["on"] = true, ["reason"] = "model unstable", ["revert_after_minutes"] = 30 });
        var body = await response.JsonAsync();
        using var map = await operatorClient.PostAsync("/map", Http.Ssn);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("applied", (string?)body["status"]);
        Assert.True((long)body["audit_id"]! > 0);
        Assert.Contains("reason=kill_switch", (string?)(await map.JsonAsync())["notes"]);
        var controls = await operatorClient.GetJsonAsync("/api/v1/controls");
        Assert.True((bool)controls["kill_switch"]!["on"]!);
        Assert.Equal(("test-operator", "model unstable"), ((string?)controls["kill_switch"]!["by"], (string?)controls["kill_switch"]!["reason"]));
        Assert.NotNull(controls["kill_switch"]!["revert_at"]);
    }

    [Theory]
    [InlineData("""{"on": true}""", "reason: required")]
    [InlineData("""{"on": true, "reason": "r", "extra": 1}""", "extra: not a field")]
    [InlineData("""{"reason": "r"}""", "on")]
    [InlineData("""{"on": "yes", "reason": "r"}""", "on:")]
    [InlineData("""{"on": true, "reason": "r", "reason": "again"}""", "reason")]
    [InlineData("""{"on": true, "reason": "r", "revert_after_minutes": -5}""", "revert_after_minutes")]
    [InlineData("not json", "body")]
    public async Task KillSwitch_BadBody_Is422NamingTheField(string body, string expected)
    {
        using var operatorClient = await _factory.ClientAsAsync(ConsoleRole.Operator);
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/controls/kill-switch") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };

        using var response = await operatorClient.SendAsync(request, TestContext.Current.CancellationToken);

        var detail = await response.AssertErrorAsync(422, "INVALID_REQUEST");
        Assert.Contains(expected, (string?)detail["message"], StringComparison.Ordinal);
        Assert.False((bool)(await operatorClient.GetJsonAsync("/api/v1/controls"))["kill_switch"]!["on"]!);
    }

    [Fact]
    public async Task Threshold_StaleExpectedEpoch_Is409NamingWhoChangedIt()
    {
        using var admin = await _factory.ClientAsAsync(ConsoleRole.Admin);
        var epoch = (long)(await admin.GetJsonAsync("/api/v1/controls"))["epoch"]!;
        using (await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/threshold", new JsonObject { ["value"] = 0.7, ["reason"] = "first" }))
        {
        }

        using var stale = await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/threshold", new JsonObject { ["value"] = 0.5, ["reason"] = "second", ["expected_epoch"] = epoch });

        var detail = await stale.AssertErrorAsync(409, "STALE");
        Assert.StartsWith("changed by admin at", (string?)detail["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminApi_WithTheSignInCookieOnly_Is401()
    {
        using var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var signIn = await SignInForm.PostAsync(browser, "admin", MapperFactory.AdminPassword);
        Assert.Equal(302, (int)signIn.StatusCode);

        using var response = await browser.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/kill-switch", new JsonObject { ["on"] = true, ["reason"] = "csrf" });

        await response.AssertErrorAsync(401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Tokens_RevokedOrForADisabledAccount_StopWorking()
    {
        using var admin = await _factory.ClientAsAsync(ConsoleRole.Admin);
        using var operatorClient = await _factory.ClientAsAsync(ConsoleRole.Operator);
        var me = await operatorClient.GetJsonAsync("/api/v1/me");
        Assert.Equal(("test-operator", "operator"), ((string?)me["name"], (string?)me["role"]));

        using (await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/users/test-operator/disabled", new JsonObject { ["disabled"] = true, ["reason"] = "left" }))
        {
        }

        using var afterDisable = await operatorClient.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        await afterDisable.AssertErrorAsync(401, "UNAUTHORIZED");

        using var viewer = await _factory.ClientAsAsync(ConsoleRole.Viewer);
        var tokenId = (long)(await viewer.GetJsonAsync("/api/v1/me"))["token_id"]!;
        using (var revoke = await viewer.DeleteAsync($"/api/v1/tokens/{tokenId}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(200, (int)revoke.StatusCode);
        }

        using var afterRevoke = await viewer.GetAsync("/api/v1/me", TestContext.Current.CancellationToken);
        await afterRevoke.AssertErrorAsync(401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Tokens_StoredHashedAndShownOnce()
    {
        using var admin = await _factory.ClientAsAsync(ConsoleRole.Admin);
        var secret = admin.DefaultRequestHeaders.Authorization!.Parameter!;

        var list = await admin.GetJsonAsync("/api/v1/tokens");
        var audit = await admin.GetJsonAsync("/api/v1/audit?action=tokens&size=50");

        Assert.DoesNotContain(secret, list.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, audit.ToJsonString(), StringComparison.Ordinal);
        Assert.StartsWith((string)list[0]!["prefix"]!, secret, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenFromCredentials_WrongPasswordOrUnknownUser_SameAnswer()
    {
        using var client = _factory.CreateClient();

        using var wrong = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tokens", new JsonObject { ["user"] = "admin", ["password"] = "not-the-password" });
        using var unknown = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/tokens", new JsonObject { ["user"] = "nobody-here", ["password"] = "not-the-password" });

        var a = await wrong.AssertErrorAsync(401, "UNAUTHORIZED");
        var b = await unknown.AssertErrorAsync(401, "UNAUTHORIZED");
        Assert.Equal((string?)a["message"], (string?)b["message"]);
    }

    [Fact]
    public async Task NoToken_Is401WithTheContractShape()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "mpr_" + new string('x', 43));

        using var forged = await client.GetAsync("/api/v1/controls", TestContext.Current.CancellationToken);

        await forged.AssertErrorAsync(401, "UNAUTHORIZED");
    }

    [Fact]
    public async Task AuditExport_Csv_IsFormulaSafe()
    {
        using var admin = await _factory.ClientAsAsync(ConsoleRole.Admin);
        using (await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/controls/threshold", new JsonObject { ["value"] = 0.7, ["reason"] = "=HYPERLINK(\"http://evil\")" }))
        {
        }

        var csv = await admin.GetStringAsync("/api/v1/audit/export?format=csv&action=controls.threshold", TestContext.Current.CancellationToken);

        Assert.StartsWith("id,occurred_at,", csv, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DescribesTheAdminApi()
    {
        using var client = _factory.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

        Assert.Contains("/api/v1/controls/kill-switch", document, StringComparison.Ordinal);
        Assert.Contains("/api/v1/tokens", document, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", document, StringComparison.OrdinalIgnoreCase);
    }
}
