using System.ComponentModel.DataAnnotations;

namespace Syndicator.Host.Hosting;

/// <summary>The HTTP API (<c>Api</c>).</summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>Listen URLs, separated by ';'. Default: http://127.0.0.1:5000.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5000";

    /// <summary>The largest request body accepted, in bytes; larger is a 413. Default: 50 MiB.</summary>
    [Range(1024L, 1L << 32)]
    public long MaxRequestBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// Addresses of reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (the client's
    /// address, and whether the original request was HTTPS: Secure cookies, HSTS). Default: none — no forwarded header
    /// is read, from anyone, loopback included.
    /// </summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/24</c>) whose proxies are believed, as <see cref="KnownProxies"/>. Default: none.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>
    /// The <c>Strict-Transport-Security</c> max-age sent on answers to HTTPS requests (as the proxy reports them);
    /// zero sends none. Default: 180 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(180);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Urls))
        {
            yield return new("Api:Urls is empty; give at least one listen URL, e.g. http://127.0.0.1:5000.");
        }

        foreach (var problem in ProxySetup.Problems(this))
        {
            yield return new(problem);
        }
    }
}
