namespace Syndicator.Core.Alerts;

/// <summary>
/// Something IT or the operators must hear about without looking: a channel changed health, a delivery is stuck, a
/// published article no longer matches what was approved, a deadline is near. Raised through <see cref="IAlerts"/>.
/// </summary>
/// <param name="Kind">What kind of alert, stable and machine-readable: <c>channel.health</c>, <c>channel.backlog</c>,
/// <c>item.tracking</c>, <c>channel.freshness</c>, <c>item.deadline</c>, ….</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Subject">What it is about: a channel id, an item id, or both (<c>wechat/txsl-2026-0042</c>).</param>
/// <param name="Title">One line for a person, in Chinese first (a robot message's title).</param>
/// <param name="Text">The details in plain words: what was seen, since when, what to do. Never a secret.</param>
/// <param name="At">When it was raised.</param>
public sealed record Alert(string Kind, AlertSeverity Severity, string Subject, string Title, string Text, DateTimeOffset At);

/// <summary>How urgent an alert is.</summary>
public enum AlertSeverity
{
    /// <summary>Back to normal (a channel healthy again).</summary>
    Resolved,

    /// <summary>Will become a problem if nobody acts (a deadline in a few days).</summary>
    Warning,

    /// <summary>A problem now.</summary>
    Critical,
}
