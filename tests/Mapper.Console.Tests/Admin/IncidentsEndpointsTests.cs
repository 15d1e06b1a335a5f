using System.Text.Json.Nodes;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;

namespace Mapper.Console.Tests.Admin;

/// <summary><c>/api/v1/incidents</c> over HTTP with bearer tokens: the operator's changes, the viewer's reads, errors in the contract shape.</summary>
public sealed class IncidentsEndpointsTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task Incident_OpenNoteEditAndFilter_TheTimelineHoldsTheNoteWithBothRevisions()
    {
        using var client = await app.Factory.ClientAsAsync(ConsoleRole.Operator);

        using var opened = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new JsonObject { ["title"] = "fallback high", ["severity"] = "warning" });
        var id = (string)(await opened.JsonAsync())["created"]!;
        using var noted = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/incidents/{id}/notes", new JsonObject { ["text"] = "threshold lowered", ["occurred_at"] = DateTimeOffset.UtcNow.AddMinutes(-3) });
        var note = (string)(await noted.JsonAsync())["created"]!;
        using var edited = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{id}/notes/{note}", new JsonObject { ["text"] = "threshold lowered to 0.5" });
        var notes = await client.GetJsonAsync($"/api/v1/incidents/{id}?kind=note");

        Assert.Equal(201, (int)opened.StatusCode);
        Assert.Equal(201, (int)noted.StatusCode);
        Assert.Equal(200, (int)edited.StatusCode);
        var e = Assert.Single(notes["events"]!.AsArray())!;
        Assert.Equal(("note", "threshold lowered to 0.5"), ((string?)e["kind"], (string?)e["title"]));
        Assert.Equal(["threshold lowered", "threshold lowered to 0.5"], e["revisions"]!.AsArray().Select(r => (string?)r!["text"]));
        Assert.Equal("test-operator", (string?)notes["incident"]!["commander"]);
    }

    [Fact]
    public async Task Incident_BadInput_ContractErrorsNamingTheField()
    {
        using var client = await app.Factory.ClientAsAsync(ConsoleRole.Operator);

        using var severity = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new JsonObject { ["title"] = "t", ["severity"] = "sev1" });
        using var unknownField = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new JsonObject { ["title"] = "t", ["severity"] = "warning", ["owner"] = "x" });
        using var missing = await client.GetAsync("/api/v1/incidents/424242", TestContext.Current.CancellationToken);
        using var kind = await client.GetAsync("/api/v1/incidents/1?kind=gossip", TestContext.Current.CancellationToken);
        using var status = await client.SendJsonAsync(HttpMethod.Put, "/api/v1/incidents/424242/status", new JsonObject { ["status"] = "resolved", ["reason"] = "r" });

        Assert.StartsWith("severity: critical or warning", (string?)(await severity.AssertErrorAsync(422, "INVALID_REQUEST"))["message"], StringComparison.Ordinal);
        Assert.StartsWith("owner:", (string?)(await unknownField.AssertErrorAsync(422, "INVALID_REQUEST"))["message"], StringComparison.Ordinal);
        Assert.Equal("there is no incident 424242", (string?)(await missing.AssertErrorAsync(404, "NOT_FOUND"))["message"]);
        Assert.StartsWith("kind: one of alert, incident, action", (string?)(await kind.AssertErrorAsync(422, "INVALID_REQUEST"))["message"], StringComparison.Ordinal);
        Assert.Equal("incident: there is no incident 424242", (string?)(await status.AssertErrorAsync(422, "INVALID_REQUEST"))["message"]);
    }

    [Fact]
    public async Task Incident_ViewerReadsAndExportsButCannotChange()
    {
        using var op = await app.Factory.ClientAsAsync(ConsoleRole.Operator);
        using var viewer = await app.Factory.ClientAsAsync(ConsoleRole.Viewer);
        using var opened = await op.SendJsonAsync(HttpMethod.Post, "/api/v1/incidents", new JsonObject { ["title"] = "latency", ["severity"] = "warning" });
        var id = (string)(await opened.JsonAsync())["created"]!;

        using var change = await viewer.SendJsonAsync(HttpMethod.Put, $"/api/v1/incidents/{id}/status", new JsonObject { ["status"] = "mitigated", ["reason"] = "r" });
        using var export = await viewer.GetAsync($"/api/v1/incidents/{id}/export", TestContext.Current.CancellationToken);
        var list = await viewer.GetJsonAsync("/api/v1/incidents");

        await change.AssertErrorAsync(403, "INSUFFICIENT_RBAC");
        Assert.Equal("text/markdown", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"incident-{id}-post-mortem.md", export.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        Assert.StartsWith($"# Post-mortem: incident #{id}: latency", await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains(list.AsArray(), i => (string?)i!["id"]!.ToString() == id && (string?)i["status"] == "investigating");
    }
}
