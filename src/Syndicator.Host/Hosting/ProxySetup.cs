using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Syndicator.Host.Hosting;

/// <summary>
/// Running behind a TLS-terminating reverse proxy: forwarded headers believed only from the configured proxies
/// (<c>Api:KnownProxies</c>, <c>Api:KnownNetworks</c>; none by default), so that the request's scheme is the client's
/// (the console cookie, <see cref="Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest"/>, is then Secure) and
/// its remote address the client's (the sign-in brake counts per address); HSTS on HTTPS answers. <c>AllowedHosts</c>
/// (a root setting, <c>;</c>-separated; default <c>*</c>) is the framework's host filtering, which runs before all of this.
/// </summary>
internal static class ProxySetup
{
    public static void Add(IServiceCollection services, ApiOptions api)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // The framework trusts loopback by default; here nothing is trusted that is not configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in api.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in api.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }

            // Each hop is read back from the nearest only while it comes from a known proxy.
            o.ForwardLimit = null;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = api.HstsMaxAge;
            o.IncludeSubDomains = false;
        });
    }

    /// <summary>First in the pipeline: everything after sees the client's scheme and address.</summary>
    public static void Use(WebApplication app, ApiOptions api)
    {
        if (api.KnownProxies.Count > 0 || api.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (api.HstsMaxAge > TimeSpan.Zero)
        {
            app.UseHsts();
        }
    }

    /// <summary>Problems with the proxy settings, each naming its key.</summary>
    public static IEnumerable<string> Problems(ApiOptions api)
    {
        for (var i = 0; i < api.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(api.KnownProxies[i]?.Trim(), out _))
            {
                yield return $"Api:KnownProxies:{i} must be an IP address; got '{api.KnownProxies[i]}'";
            }
        }

        for (var i = 0; i < api.KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(api.KnownNetworks[i]?.Trim(), out _))
            {
                yield return $"Api:KnownNetworks:{i} must be a network in CIDR notation (e.g. 10.0.0.0/24); got '{api.KnownNetworks[i]}'";
            }
        }

    }
}
