namespace Syndicator.Core.Channels;

/// <summary>The wire names of <see cref="ChannelHealthStatus"/> (<c>healthy|degraded|unhealthy|unknown</c>, DESIGN §5).</summary>
public static class HealthStatusNames
{
    public static string Of(ChannelHealthStatus status) => status switch
    {
        ChannelHealthStatus.Healthy => "healthy",
        ChannelHealthStatus.Degraded => "degraded",
        ChannelHealthStatus.Unhealthy => "unhealthy",
        _ => "unknown",
    };

    public static ChannelHealthStatus Parse(string name) => name switch
    {
        "healthy" => ChannelHealthStatus.Healthy,
        "degraded" => ChannelHealthStatus.Degraded,
        "unhealthy" => ChannelHealthStatus.Unhealthy,
        _ => ChannelHealthStatus.Unknown,
    };
}
