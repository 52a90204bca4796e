namespace Syndicator.Core.Alerts;

/// <summary>
/// Where alerts go. The service always writes them to its log; the host adds the configured webhook (a DingTalk or
/// WeCom robot). Deciding <em>when</em> to alert — once per change, not once per check — is the caller's job; an
/// implementation sends what it is given.
/// </summary>
public interface IAlerts
{
    /// <summary>Sends <paramref name="alert"/> to every destination. Never throws for a destination that is down: the
    /// failure is logged and the others still get it.</summary>
    Task RaiseAsync(Alert alert, CancellationToken cancellationToken);
}
