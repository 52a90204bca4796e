using Microsoft.Extensions.Logging;

namespace Syndicator.Core.Alerts;

/// <summary>The destination every deployment has: the service's log, at warning level (error when critical).</summary>
public sealed class LoggedAlerts(ILogger<LoggedAlerts> logger) : IAlerts
{
    public Task RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Severity == AlertSeverity.Critical)
        {
            Log.AlertCritical(logger, alert.Kind, alert.Subject, alert.Title, alert.Text);
        }
        else
        {
            Log.AlertRaised(logger, alert.Kind, alert.Severity, alert.Subject, alert.Title, alert.Text);
        }

        return Task.CompletedTask;
    }
}
