using Syndicator.Core.Channels;

namespace Syndicator.Core.Dispatch;

/// <summary>How outcomes read in the attempt log.</summary>
internal static class OutcomeNames
{
    public static string Of(ChannelOutcome outcome) => outcome switch
    {
        ChannelOutcome.Succeeded => "succeeded",
        ChannelOutcome.Pending => "pending",
        ChannelOutcome.Transient => "transient",
        ChannelOutcome.RateLimited => "rate_limited",
        ChannelOutcome.QuotaExhausted => "quota_exhausted",
        ChannelOutcome.AuthFailed => "auth_failed",
        ChannelOutcome.Rejected => "rejected",
        ChannelOutcome.Unconfirmed => "unconfirmed",
        ChannelOutcome.HandedOff => "handoff",
        _ => "unknown",
    };

    public static string? Message(ChannelOutcome outcome) => outcome switch
    {
        ChannelOutcome.Succeeded s => (s.Url is null ? $"remote id {s.RemoteId}" : $"remote id {s.RemoteId} at {s.Url}")
                                      + (s.Note is null ? "" : $"; {s.Note}"),
        ChannelOutcome.Pending p => p.Detail,
        ChannelOutcome.Transient t => t.Reason,
        ChannelOutcome.RateLimited r => $"{r.Reason} (until {r.Until:O})",
        ChannelOutcome.QuotaExhausted q => $"{q.Reason} (until {q.Until:O})",
        ChannelOutcome.AuthFailed a => a.Reason,
        ChannelOutcome.Rejected r => r.Reason,
        ChannelOutcome.Unconfirmed u => u.Reason,
        ChannelOutcome.HandedOff h => h.Instructions,
        _ => null,
    };
}
