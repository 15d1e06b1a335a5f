using System.Globalization;
using Mapper.Console.Status;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mapper.Console.Components.Pages;

/// <summary>
/// A small, honest status page. The live sampler (one timer, many subscribers) comes with the full
/// console; until then the page reads on load and on Refresh.
/// </summary>
public sealed partial class Home
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private EngineStatusView _view = null!;

    [Inject]
    private EngineStatusReader Status { get; set; } = null!;

    private Color HealthColor => _view.HealthStatus switch
    {
        "ready" => Color.Success,
        "degraded" => Color.Warning,
        _ => Color.Error,
    };

    private string Minutes => _view.Slis.Window.TotalMinutes.ToString("0", Invariant);

    protected override void OnInitialized() => Refresh();

    private void Refresh() => _view = Status.Read();

    private static string Percent(double? value, string none) => value is { } v ? v.ToString("0.0", Invariant) + " %" : none;

    private static string Milliseconds(double? seconds) => seconds is { } s ? (s * 1000).ToString("0.0", Invariant) + " ms" : "no requests";
}
