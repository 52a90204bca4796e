using Syndicator.Core.Alerts;

namespace Syndicator.Host.Alerts;

/// <summary>
/// The service's <see cref="IAlerts"/>: the log, then the robot webhook when one is configured. Each destination on
/// its own: one that throws is logged and the others still get the alert.
/// </summary>
internal sealed class CompositeAlerts(IReadOnlyList<IAlerts> destinations, ILogger<CompositeAlerts> logger) : IAlerts
{
    public async Task RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        foreach (var destination in destinations)
        {
            try
            {
                await destination.RaiseAsync(alert, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.AlertFailed(logger, ex, alert.Kind, alert.Subject);
            }
        }
    }
}
