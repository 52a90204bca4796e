using Microsoft.Extensions.Logging;

namespace Syndicator.Core;

/// <summary>Every log message of the core, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Dispatcher {Owner} started lanes for {Channels}")]
    public static partial void DispatcherStarted(ILogger logger, string owner, string channels);

    [LoggerMessage(2, LogLevel.Information, "Delivery {DeliveryId} on {Channel}: {Operation} ended {Outcome}, now {Status}")]
    public static partial void TryEnded(ILogger logger, string deliveryId, string channel, string operation, string outcome, string status);

    [LoggerMessage(3, LogLevel.Warning, "Delivery {DeliveryId}: lease lost to another worker; this try's result is dropped")]
    public static partial void LeaseLost(ILogger logger, string deliveryId);

    [LoggerMessage(4, LogLevel.Error, "Delivery {DeliveryId} on {Channel}: could not record the try; its lease will expire and it will be retried")]
    public static partial void RunFailed(ILogger logger, Exception exception, string deliveryId, string channel);

    [LoggerMessage(5, LogLevel.Error, "Delivery {DeliveryId} on {Channel}: the connector threw; recorded as a transient failure")]
    public static partial void ConnectorThrew(ILogger logger, Exception exception, string deliveryId, string channel);

    [LoggerMessage(6, LogLevel.Error, "Lane {Channel} failed; it pauses and carries on")]
    public static partial void LaneFailed(ILogger logger, Exception exception, string channel);

    [LoggerMessage(7, LogLevel.Information, "Lane {Channel} stopping: waiting for {Count} running tries")]
    public static partial void Draining(ILogger logger, string channel, int count);

    [LoggerMessage(20, LogLevel.Error, "Delivery {DeliveryId} on {Channel} quarantined: {Crashes} tries never finished; an operator must look")]
    public static partial void Quarantined(ILogger logger, string deliveryId, string channel, int crashes);

    [LoggerMessage(80, LogLevel.Information, "Tracking run ({Scope}): {Checked} placements checked, {Alerts} alerts")]
    public static partial void TrackingRan(ILogger logger, string scope, int @checked, int alerts);

    [LoggerMessage(81, LogLevel.Error, "Tracking of {ItemId} on {Channel} failed")]
    public static partial void TrackingFailed(ILogger logger, Exception exception, string itemId, string channel);

    [LoggerMessage(82, LogLevel.Information, "Watchdogs ran: {Summary}")]
    public static partial void WatchdogsRan(ILogger logger, string summary);

    [LoggerMessage(83, LogLevel.Error, "Watchdog {Watchdog} failed")]
    public static partial void WatchdogFailed(ILogger logger, Exception exception, string watchdog);

    [LoggerMessage(40, LogLevel.Warning, "Alert {Kind} ({Severity}) on {Subject}: {Title} — {Text}")]
    public static partial void AlertRaised(ILogger logger, string kind, Syndicator.Core.Alerts.AlertSeverity severity, string subject, string title, string text);

    [LoggerMessage(41, LogLevel.Error, "Alert {Kind} (Critical) on {Subject}: {Title} — {Text}")]
    public static partial void AlertCritical(ILogger logger, string kind, string subject, string title, string text);

    [LoggerMessage(84, LogLevel.Error, "Event {EventId} for subscription {Subscription} could not be recorded; its lease runs out and it is sent again")]
    public static partial void EventRunFailed(ILogger logger, Exception exception, string eventId, string subscription);
}
