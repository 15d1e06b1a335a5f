using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Mapper.Console.Api;

/// <summary>
/// <c>Api:TrustedProxies</c> in force: ASP.NET Core's forwarded-headers middleware rewrites the client address
/// from X-Forwarded-For only when the connection comes from one of these (walking the chain right to left
/// while each hop is trusted). With none configured the middleware is not added at all: its default would
/// trust loopback, and a header from anyone else must change nothing.
/// </summary>
public static class TrustedProxyNetworks
{
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var configured = app.ApplicationServices.GetRequiredService<ApiOptions>().TrustedProxies;
        if (configured.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor,
            ForwardLimit = null,
            RequireHeaderSymmetry = false,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in configured)
        {
            if (TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
        }

        return app.UseForwardedHeaders(options);
    }

    /// <summary>An address (a network of one) or a CIDR range.</summary>
    public static bool TryParse(string text, out System.Net.IPNetwork network)
    {
        text = text.Trim();
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return System.Net.IPNetwork.TryParse(text, out network);
    }
}
