namespace Syndicator.Host.Hosting;

/// <summary>The HTTP API (<c>Api</c>).</summary>
public sealed class ApiOptions
{
    /// <summary>Listen URLs, separated by ';'. Default: http://127.0.0.1:5000.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:5000";

    /// <summary>The largest request body accepted, in bytes; larger is a 413. Default: 50 MiB.</summary>
    public long MaxRequestBytes { get; set; } = 50L * 1024 * 1024;
}
