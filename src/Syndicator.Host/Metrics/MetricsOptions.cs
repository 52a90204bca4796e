using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// How many seconds the values read from the store (delivery counts, oldest pending delivery, latest health check)
    /// are reused by later scrapes before the store is read again (scrapes waiting on a read under way get its result). 0
    /// reads the store on every scrape, one scrape at a time. Default: 5 (0–300).
    /// </summary>
    [Range(0, 300)]
    public int StoreReadSeconds { get; set; } = 5;
}
