using Bunit;
using Mapper.Console.Actions;
using Mapper.Console.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Mapper.Console.Tests.Support;

/// <summary>
/// bUnit as every page test here sets it up: MudBlazor's services, loose JS interop, a patient wait, the console's
/// own services (a scope of its container, as a circuit has) as the fallback provider, the console's clock, and a scoped
/// <see cref="PageActions"/> on the console's one executor behind bUnit's snackbar.
/// </summary>
public static class ConsoleBunit
{
    /// <summary>A context on <paramref name="console"/>; the caller disposes the context, then the scope.</summary>
    public static BunitContext Create(IServiceProvider console, out AsyncServiceScope scope)
    {
        // The machine is shared with other builds: bUnit's default second is too short for a store round trip.
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(20);
        var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        // MudBlazor registers the system clock; a page must read the console's own (a fake one in these tests), or a page
        // test passes only on the day its fake clock names.
        bunit.Services.AddSingleton(console.GetRequiredService<TimeProvider>());
        // The app's own snackbar wants a circuit's navigation manager; bUnit's shows the outcome instead.
        bunit.Services.AddScoped(sp => new PageActions(console.GetRequiredService<OperatorExecutor>(), sp.GetRequiredService<ISnackbar>()));
        scope = console.CreateAsyncScope();
        bunit.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        return bunit;
    }
}
