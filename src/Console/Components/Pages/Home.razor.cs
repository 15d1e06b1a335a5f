using System.Globalization;
using Mapper.Console.Status;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>A small, honest status page: read on load, then kept live by the one status sampler.</summary>
public sealed partial class Home : IAsyncDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private EngineStatusView _view = null!;
    private IDisposable? _subscription;

    [Inject]
    private EngineStatusReader Status { get; set; } = null!;

    [Inject]
    private EngineStatusSampler Sampler { get; set; } = null!;

    private Color HealthColor => _view.HealthStatus switch
    {
        "ready" => Color.Success,
        "degraded" => Color.Warning,
        _ => Color.Error,
    };

    private string Minutes => _view.Slis.Window.TotalMinutes.ToString("0", Invariant);

    protected override void OnInitialized() => Refresh();

    protected override void OnAfterRender(bool firstRender)
    {
        // Only the interactive render subscribes: a prerender has no circuit to push to.
        if (firstRender && RendererInfo.IsInteractive)
        {
            _subscription = Sampler.Subscribe(async view =>
            {
                _view = view;
                await InvokeAsync(StateHasChanged);
            });
        }
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Refresh() => _view = Status.Read();

    private static string Percent(double? value, string none) => value is { } v ? v.ToString("0.0", Invariant) + " %" : none;

    private static string Milliseconds(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.0", Invariant) + " ms" : "no requests";
}
