using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Store;
using Mapper.Console.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mapper.Console.Tests.Actions;

/// <summary>Saving and deleting regression cases through the executor: checked like an API request, audited as metadata.</summary>
public sealed class PlaygroundActionsTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly Actor Olga = new("olga", Door.Page);
    private readonly MapperFactory _factory = new();

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Services;
        await _factory.AddUserAsync("olga", ConsoleRole.Operator);
        await _factory.AddUserAsync("vic", ConsoleRole.Viewer);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Theory]
    [InlineData("a\nb\nc\nd", "raw_content: output: a string with 3 newlines looks like raw content")]
    [InlineData("", "output: required")]
    [InlineData("US_SSN|EMAIL|PHONE|A|B|C|D|E|F|G|H|I|J|K|L|M|N|O|P|Q|R|S|T|U|V|W|X|Y|Z|AA|BB|CC|DD", "output: 33 labels joined with '|'; at most 32 (Api:MaxLabelsPerOutput)")]
    public async Task Save_OutputTheApiWouldRefuse_InvalidAndNothingStored(string output, string message)
    {
        var outcome = await RunAsync(Olga, new SaveRegressionCase("presidio", output, ["PII.Identifier.SSN"], null));

        Assert.Equal(ActionStatus.Invalid, outcome.Status);
        Assert.Contains(message, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task Save_RawContentGuardOffForTheApi_StillRefusesRawContent()
    {
        await using var factory = new MapperFactory(new Dictionary<string, string?> { ["Api:RawContentGuard"] = "false" });

        var outcome = await factory.Executor().RunAsync(Actor.System, new SaveRegressionCase("presidio", new string('A', 300), ["PII.Identifier.SSN"], null), Ct);

        Assert.Equal(ActionStatus.Invalid, outcome.Status);
        Assert.Contains("base64-like text looks like raw content", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_LabelOutsideTheTaxonomy_InvalidNamingIt()
    {
        var outcome = await RunAsync(Olga, new SaveRegressionCase("presidio", "US_SSN", ["PII.Identifier.SSN", "PII.Fingerprint"], null));

        Assert.Equal(ActionStatus.Invalid, outcome.Status);
        Assert.Contains("'PII.Fingerprint' is not a label of taxonomy", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_SameDetectorAndOutputTwice_SecondRefusedNamingTheFirst()
    {
        Assert.True((await RunAsync(Olga, new SaveRegressionCase("presidio", "US_SSN", ["PII.Identifier.SSN"], "first"))).Succeeded);

        var second = await RunAsync(Olga, new SaveRegressionCase("Presidio", "US_SSN", ["PII.Other"], null));

        Assert.Equal(ActionStatus.Invalid, second.Status);
        Assert.Contains("case 1 already holds this detector and output", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_AsViewer_DeniedAndAudited()
    {
        var outcome = await RunAsync(new Actor("vic", Door.Page), new SaveRegressionCase("presidio", "US_SSN", ["PII.Identifier.SSN"], null));

        Assert.Equal(ActionStatus.Denied, outcome.Status);
        Assert.Equal(0, await CountAsync());
        await using var db = await Db();
        Assert.Equal(("regression_cases.save", "denied"), await db.Audit.OrderByDescending(e => e.Id).Select(e => ValueTuple.Create(e.Action, e.Result)).FirstAsync(Ct));
    }

    [Fact]
    public async Task Delete_NeedsAReason_ThenTombstonesWithoutTheOutputAndIdsAreNotReused()
    {
        Assert.True((await RunAsync(Olga, new SaveRegressionCase("presidio", "US_SSN", ["PII.Identifier.SSN"], null))).Succeeded);

        var bare = await RunAsync(Olga, new DeleteRegressionCase(1));
        var deleted = await RunAsync(Olga, new DeleteRegressionCase(1) { Reason = "wrong expectation" });
        var again = await RunAsync(Olga, new DeleteRegressionCase(1) { Reason = "twice" });
        var next = await RunAsync(Olga, new SaveRegressionCase("presidio", "US_SSN", ["PII.Identifier.SSN"], null));

        Assert.Equal(ActionStatus.Invalid, bare.Status);
        Assert.Contains("reason: required", bare.Message, StringComparison.Ordinal);
        Assert.True(deleted.Succeeded, deleted.Message);
        Assert.Equal(ActionStatus.Invalid, again.Status);
        Assert.Equal("2", next.Created);
        await using var db = await Db();
        var tombstone = await db.RegressionCases.SingleAsync(c => c.Id == 1, Ct);
        Assert.Equal(("", "olga"), (tombstone.Output, tombstone.DeletedBy));
    }

    private Task<ActionOutcome> RunAsync(Actor actor, OperatorCommand command) => _factory.Executor().RunAsync(actor, command, Ct);

    private async Task<MapperDbContext> Db() => await _factory.Services.GetRequiredService<IDbContextFactory<MapperDbContext>>().CreateDbContextAsync(Ct);

    private async Task<int> CountAsync()
    {
        await using var db = await Db();
        return await db.RegressionCases.CountAsync(Ct);
    }
}
