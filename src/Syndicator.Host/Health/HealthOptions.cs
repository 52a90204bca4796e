using System.ComponentModel.DataAnnotations;

namespace Syndicator.Host.Health;

/// <summary>Scheduled channel health checks and the alerts they raise (<c>Health</c>).</summary>
public sealed class HealthOptions
{
    /// <summary>How often every enabled channel is checked (once per cluster on PostgreSQL). Default 5 minutes; 1 second to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long stored checks are kept; older ones are pruned after each scheduled run. Default 30 days; at least 1 hour.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A channel whose oldest pending delivery has waited longer than this raises a backlog alert (once, and a
    /// resolved one when it clears). Default 30 minutes; 1 second to 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan PendingAlertAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A check still running after this is cut off and recorded as unhealthy. Default 30 seconds; 1 second to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
