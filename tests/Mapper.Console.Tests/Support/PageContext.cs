using Bunit;
using Mapper.Console.Components.Shared;
using Mapper.Console.Identity;
using Mapper.Console.Monitoring;
using Mapper.Engine.Model.Serving;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Mapper.Console.Tests.Support;

/// <summary>
/// How the page tests render a page: bUnit with MudBlazor, the REAL console services of a <see cref="MapperFactory"/>
/// behind it (a scope of the app as fallback provider), <see cref="PageActions"/> on the app's executor, the popover and dialog providers,
/// and the page inside a <see cref="PageHost"/> that cascades what the layout cascades (the signed-in user, the
/// browser zone, and each new sample of the factory's own sampler, as the layout's subscription does).
/// </summary>
public sealed class PageContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private PageContext(MapperFactory factory)
    {
        Factory = factory;

        Bunit = ConsoleBunit.Create(factory.Services, out _scope);
        Popovers = Bunit.Render<MudPopoverProvider>();
        Dialogs = Bunit.Render<MudDialogProvider>();
    }

    public MapperFactory Factory { get; }

    public BunitContext Bunit { get; }

    /// <summary>Where dialogs render (the confirm dialog, the save-case dialog).</summary>
    public IRenderedComponent<MudDialogProvider> Dialogs { get; }

    /// <summary>Where menus and selects render their open lists.</summary>
    public IRenderedComponent<MudPopoverProvider> Popovers { get; }

    public static PageContext For(MapperFactory factory) => new(factory);

    public IRenderedComponent<PageHost> Render<TPage>(ConsoleUser user) where TPage : IComponent =>
        Bunit.Render<PageHost>(p => p.Add(h => h.Page, typeof(TPage)).Add(h => h.User, user));

    /// <summary>An account of <paramref name="role"/> in the factory's store, as the page sees it signed in.</summary>
    public async Task<ConsoleUser> UserAsync(string name, ConsoleRole role)
    {
        if (role != ConsoleRole.Admin || name != "admin")
        {
            await Factory.AddUserAsync(name, role);
        }

        return new ConsoleUser(name, role);
    }

    /// <summary>Fills in the confirm dialog's reason and applies it.</summary>
    public void Confirm(string reason)
    {
        // MudBlazor puts a text field's data-testid on the input element itself.
        Dialogs.WaitForElement("[data-testid=confirm-reason]").Input(reason);
        Dialogs.WaitForAssertion(() => Assert.False(Dialogs.Find("[data-testid=confirm-apply]").HasAttribute("disabled")));
        Dialogs.Find("[data-testid=confirm-apply]").Click();
    }

    /// <summary>Waits until the factory's model path serves an adapter (the baseline trains at first start).</summary>
    public static async Task<AdapterRegistry> ModelReadyAsync(MapperFactory factory)
    {
        var registry = factory.Services.GetRequiredService<AdapterRegistry>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (registry.State != AdapterState.Active)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the model path did not come up: {registry.State} {registry.LastError}");
            Assert.NotEqual(AdapterState.Failed, registry.State);
            await Task.Delay(100, Xunit.TestContext.Current.CancellationToken);
        }

        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}

/// <summary>
/// The layout's part in a page test: cascades the user, the zone and the newest engine sample, re-rendering on
/// each sample the factory's sampler publishes (one subscription, disposed with the host), as MainLayout does.
/// </summary>
public sealed class PageHost : ComponentBase, IDisposable
{
    private EngineSample? _sample;
    private IDisposable? _subscription;

    [Parameter]
    public Type Page { get; set; } = null!;

    [Parameter]
    public ConsoleUser User { get; set; } = ConsoleUser.Anonymous;

    [Inject]
    private EngineSampler Sampler { get; set; } = null!;

    protected override void OnInitialized()
    {
        _sample = Sampler.Latest;
        _subscription = Sampler.Subscribe(async sample =>
        {
            _sample = sample;
            await InvokeAsync(StateHasChanged);
        });
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<CascadingValue<BrowserZone>>(0);
        builder.AddComponentParameter(1, "Value", BrowserZone.Utc);
        builder.AddComponentParameter(2, "ChildContent", (RenderFragment)(user =>
        {
            user.OpenComponent<CascadingValue<ConsoleUser>>(0);
            user.AddComponentParameter(1, "Value", User);
            user.AddComponentParameter(2, "ChildContent", (RenderFragment)(sample =>
            {
                sample.OpenComponent<CascadingValue<EngineSample>>(0);
                sample.AddComponentParameter(1, "Value", _sample);
                sample.AddComponentParameter(2, "ChildContent", (RenderFragment)(page =>
                {
                    page.OpenComponent(0, Page);
                    page.CloseComponent();
                }));
                sample.CloseComponent();
            }));
            user.CloseComponent();
        }));
        builder.CloseComponent();
    }

    public void Dispose() => _subscription?.Dispose();
}
