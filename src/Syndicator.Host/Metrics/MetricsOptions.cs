namespace Syndicator.Host.Metrics;

/// <summary><c>GET /metrics</c> (<c>Metrics</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// Whether <c>/metrics</c> needs an API key with the <c>read</c> scope (<c>Authorization: Bearer sk_…</c>, as
    /// Prometheus sends with <c>authorization: credentials</c>). Default: false — open, like the health endpoints, for a
    /// scraper on a trusted network.
    /// </summary>
    public bool RequireKey { get; set; }
}
