using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Mapper.Console.Tests.Support;

/// <summary>
/// A page rendered by bUnit against a real console in memory: the console's services (executor, store, sampler)
/// as bUnit's fallback, MudBlazor's own services with a dialog and popover provider rendered first, a scoped
/// <see cref="PageActions"/> as the circuit has it, and the three values the layout cascades (sample, user, zone).
/// </summary>
public sealed class PageTestContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private PageTestContext(MapperFactory factory)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Factory = factory;

        Bunit = ConsoleBunit.Create(factory.Services, out _scope);
        Popovers = Bunit.Render<MudPopoverProvider>();
        Dialogs = Bunit.Render<MudDialogProvider>();
        Snackbars = Bunit.Render<MudSnackbarProvider>();
    }

    public static ConsoleUser Admin { get; } = new("admin", ConsoleRole.Admin);

    public MapperFactory Factory { get; }

    public BunitContext Bunit { get; }

    public IRenderedComponent<MudPopoverProvider> Popovers { get; }

    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    /// <summary>Where <see cref="PageActions"/> shows each outcome.</summary>
    public IRenderedComponent<MudSnackbarProvider> Snackbars { get; }

    /// <summary>A fresh console (or <paramref name="factory"/>), started.</summary>
    public static PageTestContext Start(MapperFactory? factory = null)
    {
        factory ??= new MapperFactory();
        _ = factory.Services;
        return new PageTestContext(factory);
    }

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>An account of <paramref name="role"/> made through the executor, as the page's user.</summary>
    public async Task<ConsoleUser> UserAsync(string name, ConsoleRole role)
    {
        await Factory.AddUserAsync(name, role);
        return new ConsoleUser(name, role);
    }

    public IRenderedComponent<TPage> Render<TPage>(ConsoleUser user)
        where TPage : IComponent =>
        Bunit.Render<TPage>(p => p
            .AddCascadingValue(Service<EngineSampler>().Tick())
            .AddCascadingValue(user)
            .AddCascadingValue(BrowserZone.Utc));

    /// <summary>The open confirm dialog's change lines, as "what: from → to".</summary>
    public IReadOnlyList<string> ConfirmChanges() =>
        [.. Dialogs.WaitForElement("[data-testid=confirm-changes]").QuerySelectorAll("tr").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim())))];

    /// <summary>Types <paramref name="reason"/> into the open confirm dialog and confirms it.</summary>
    public void Confirm(string reason, int? revertMinutes = null)
    {
        if (revertMinutes is { } minutes)
        {
            Dialogs.WaitForElement("[data-testid=confirm-revert]").Change(minutes.ToString(CultureInfo.InvariantCulture));
        }

        Dialogs.WaitForElement("[data-testid=confirm-reason]").Input(reason);
        Dialogs.WaitForAssertion(() => Assert.False(Dialogs.Find("[data-testid=confirm-apply]").HasAttribute("disabled")));
        Dialogs.Find("[data-testid=confirm-apply]").Click();
        Dialogs.WaitForAssertion(() => Assert.Empty(Dialogs.FindAll("[data-testid=confirm-dialog]")));
    }

    /// <summary>Opens a MudSelect (found by its data-testid) and clicks the item showing <paramref name="text"/>.</summary>
    public void Pick(IRenderedComponent<IComponent> page, string selectTestId, string text)
    {
        page.Find($"[data-testid={selectTestId}]").Closest(".mud-select")!.MouseDown();
        Popovers.WaitForAssertion(() => Assert.Contains(Popovers.FindAll(".mud-list-item"), i => i.TextContent.Trim() == text));
        Popovers.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == text).Click();
    }

    public static bool IsDisabled(IElement element) => element.HasAttribute("disabled");

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
        await Factory.DisposeAsync();
    }
}
