using Mapper.Console.Components.Shared;
using Mapper.Console.Monitoring;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Mapper.Console.Components.Layout;

/// <summary>
/// The shell of every page: navigation, who is signed in, the banners, and the three things it cascades to
/// pages: the newest engine sample (one sampler subscription per circuit, disposed with it), the signed-in user
/// and the browser's time zone. Pages that show live data take the cascaded sample; none owns a timer.
/// </summary>
public sealed partial class MainLayout : IAsyncDisposable
{
    private EngineSample? _sample;
    private IReadOnlyList<Banner> _banners = [];
    private ConsoleUser _user = ConsoleUser.Anonymous;
    private BrowserZone _zone = BrowserZone.Utc;
    private IDisposable? _subscription;
    private bool _drawerOpen = true;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    [Inject]
    private EngineSampler Sampler { get; set; } = null!;

    [Inject]
    private IEnumerable<IBannerSource> BannerSources { get; set; } = null!;

    [Inject]
    private IJSRuntime Js { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        if (Authentication is not null)
        {
            _user = ConsoleUser.From((await Authentication).User);
        }

        Take(Sampler.Latest);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Only the interactive render subscribes and asks the browser: a prerender has no circuit to push to.
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        _subscription = Sampler.Subscribe(async sample =>
        {
            Take(sample);
            await InvokeAsync(StateHasChanged);
        });
        _zone = BrowserZone.FromIana(await Js.InvokeAsync<string>("mapperConsole.timeZone"));
        StateHasChanged();
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Take(EngineSample sample)
    {
        _banners = [.. BannerSources.SelectMany(s => s.Banners(sample))];
        _sample = sample;
    }

    private void ToggleDrawer() => _drawerOpen = !_drawerOpen;

    private static Color HealthColor(string status) => status switch
    {
        "ready" => Color.Success,
        "degraded" => Color.Warning,
        _ => Color.Error,
    };

    private static Severity Severity(BannerLevel level) => level switch
    {
        BannerLevel.Error => MudBlazor.Severity.Error,
        BannerLevel.Warning => MudBlazor.Severity.Warning,
        _ => MudBlazor.Severity.Info,
    };
}
