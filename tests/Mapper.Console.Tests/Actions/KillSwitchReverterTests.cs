using Mapper.Console.Actions;
using Mapper.Console.Identity;
using Mapper.Console.Tests.Support;
using Mapper.Engine.Controls;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mapper.Console.Tests.Actions;

public sealed class KillSwitchReverterTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RevertIfDue_AfterTheChosenMinutes_TheSystemTurnsItOffNamingWhoSetIt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero));
        await using var factory = new MapperFactory(time: clock);
        await factory.AddUserAsync("otto", ConsoleRole.Operator);
        var reverter = factory.Services.GetRequiredService<KillSwitchReverter>();
        await factory.Executor().RunAsync(new Actor("otto", Door.Page), new SetKillSwitch(true, TimeSpan.FromMinutes(30)) { Reason = "model unstable" }, Ct);

        clock.Advance(TimeSpan.FromMinutes(29));
        var early = await reverter.EndIfDueAsync(Ct);
        Assert.Null(early);
        Assert.Equal(MappingMode.RulesOnly, factory.Services.GetRequiredService<RuntimeControlsStore>().Current.Mode);

        // The scheduled-ends timer runs on the same clock: one more minute and it turns the switch off by itself.
        clock.Advance(TimeSpan.FromMinutes(1));
        await ApiCalls.EventuallyAsync(() => Task.Run(() => Assert.Equal(MappingMode.Hybrid, factory.Services.GetRequiredService<RuntimeControlsStore>().Current.Mode)), TimeSpan.FromSeconds(10));
        var note = factory.Services.GetRequiredService<LiveRecord>().NoteFor(LiveRecord.ModeSetting)!;
        Assert.Equal("system", note.Actor);
        Assert.Contains("set by otto: model unstable", note.Reason, StringComparison.Ordinal);
    }
}
