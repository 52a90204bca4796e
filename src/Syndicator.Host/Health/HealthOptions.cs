using Microsoft.Extensions.Options;

namespace Syndicator.Host.Health;

/// <summary>Scheduled channel health checks and the alerts they raise (<c>Health</c>).</summary>
public sealed class HealthOptions
{
    /// <summary>How often every enabled channel is checked (once per cluster on PostgreSQL). Default 5 minutes; 1 second to 1 day.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long stored checks are kept; older ones are pruned after each scheduled run. Default 30 days; at least 1 hour.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// A channel whose oldest pending delivery has waited longer than this raises a backlog alert (once, and a
    /// resolved one when it clears). Default 30 minutes; 1 second to 30 days.
    /// </summary>
    public TimeSpan PendingAlertAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A check still running after this is cut off and recorded as unhealthy. Default 30 seconds; 1 second to 10 minutes.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Range checks of <see cref="HealthOptions"/>; each message names the key and the value.</summary>
internal sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options)
    {
        var errors = new List<string>();
        Check(errors, "Interval", options.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Check(errors, "KeepFor", options.KeepFor, TimeSpan.FromHours(1), TimeSpan.FromDays(3650));
        Check(errors, "PendingAlertAfter", options.PendingAlertAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(30));
        Check(errors, "CheckTimeout", options.CheckTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(List<string> errors, string key, TimeSpan value, TimeSpan least, TimeSpan most)
    {
        if (value < least || value > most)
        {
            errors.Add($"Health:{key} {value:c} must be between {least:c} and {most:c}.");
        }
    }
}
