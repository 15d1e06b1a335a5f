using System.Globalization;
using Bunit;
using Mapper.Console.Components.Shared;
using Mapper.Console.Tests.Incidents;
using Mapper.Console.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Mapper.Console.Tests.Components;

/// <summary>
/// An incident page rendered by bUnit against a real console on a fake clock (<see cref="IncidentConsole"/>): the
/// console's services as bUnit's fallback, MudBlazor with its popover, dialog and snackbar providers, a scoped
/// <see cref="PageActions"/> as a circuit has it, and the values the layout cascades (sample, user, zone).
/// </summary>
public sealed class IncidentPageContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private IncidentPageContext(IncidentConsole console)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Console = console;

        Bunit = ConsoleBunit.Create(console.Factory.Services, out _scope);
        Popovers = Bunit.Render<MudPopoverProvider>();
        Dialogs = Bunit.Render<MudDialogProvider>();
        Bunit.Render<MudSnackbarProvider>();
    }

    public static ConsoleUser Otto { get; } = new("otto", Mapper.Console.Identity.ConsoleRole.Operator);

    public static ConsoleUser Vera { get; } = new("vera", Mapper.Console.Identity.ConsoleRole.Viewer);

    public IncidentConsole Console { get; }

    public BunitContext Bunit { get; }

    public IRenderedComponent<MudPopoverProvider> Popovers { get; }

    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    public static async Task<IncidentPageContext> StartAsync(Dictionary<string, string?>? settings = null) =>
        new(await IncidentConsole.StartAsync(settings));

    public IRenderedComponent<TPage> Render<TPage>(ConsoleUser user, Action<ComponentParameterCollectionBuilder<TPage>>? parameters = null)
        where TPage : IComponent =>
        Bunit.Render<TPage>(p =>
        {
            p.AddCascadingValue(Console.Get<Mapper.Console.Monitoring.EngineSampler>().Tick()).AddCascadingValue(user).AddCascadingValue(BrowserZone.Utc);
            parameters?.Invoke(p);
        });

    /// <summary>The open confirm dialog's change lines, as "what from → to".</summary>
    public IReadOnlyList<string> ConfirmChanges() =>
        [.. Dialogs.WaitForElement("[data-testid=confirm-changes]").QuerySelectorAll("tr").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim())))];

    /// <summary>Types <paramref name="reason"/> into the open confirm dialog and confirms it.</summary>
    public void Confirm(string reason)
    {
        Dialogs.WaitForElement("[data-testid=confirm-reason]").Input(reason);
        Dialogs.WaitForAssertion(() => Assert.False(Dialogs.Find("[data-testid=confirm-apply]").HasAttribute("disabled")));
        Dialogs.Find("[data-testid=confirm-apply]").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=confirm-dialog]")));
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
        await Console.DisposeAsync();
    }
}
