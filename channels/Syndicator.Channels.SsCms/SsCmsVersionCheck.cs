using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// Which SSCMS the channel talks to (S5): what <c>/api/ping/status</c> reports, else
/// <see cref="SsCmsChannelOptions.Version"/>. An update goes through only a version from 7.3.1 on; an older one
/// overwrites every field it is not sent and still answers 200, so the update is handed to a person instead.
/// </summary>
internal static class SsCmsVersionCheck
{
    /// <summary>What is known of the version: <paramref name="Version"/> (null: unknown), where it came from, and whether asking again may help.</summary>
    public sealed record Reading(Version? Version, string Detail, bool Transient)
    {
        /// <summary>False when <c>/api/ping/status</c> says SSCMS cannot reach its database.</summary>
        public bool DatabaseWorks { get; init; } = true;
    }

    public static async Task<Reading> ReadAsync(SsCmsChannel channel, SsCmsApi api, CancellationToken cancellationToken)
    {
        var status = await api.StatusAsync(cancellationToken);
        if (status.Succeeded && SsCmsVersion.Parse(status.Data!.Version) is { } reported)
        {
            return new Reading(reported, $"SSCMS {reported.ToString(3)}", Transient: false) { DatabaseWorks = status.Data.IsDatabaseWorks };
        }

        var why = !status.Answered
            ? $"/api/ping/status got no answer: {status.ErrorText}"
            : status.Succeeded ? "/api/ping/status answered without a version" : $"/api/ping/status answered {status.Code}: {status.Message}";
        if (SsCmsVersion.Parse(channel.Options.Version) is { } configured)
        {
            return new Reading(configured, $"SSCMS {configured.ToString(3)} (Channels:{channel.Id}:Version; {why})", Transient: false);
        }

        return new Reading(null, why, Transient: !status.Answered || HttpFailures.IsTransient(status.StatusCode));
    }

    /// <summary>Null when an update of content <paramref name="remoteId"/> may be sent; otherwise the outcome to give instead.</summary>
    public static async Task<ChannelOutcome?> RefuseUpdateAsync(
        SsCmsChannel channel, SsCmsApi api, int column, string remoteId, ItemRevision item, CancellationToken cancellationToken)
    {
        var reading = await ReadAsync(channel, api, cancellationToken);
        if (reading.Version is null)
        {
            var reason = $"cannot tell the SSCMS version before updating content {remoteId}: {reading.Detail}";
            return reading.Transient
                ? new ChannelOutcome.Transient(reason)
                : new ChannelOutcome.Rejected(
                    $"{reason}. An SSCMS older than 7.3.1 wipes every field an update does not send, so Syndicator updates only " +
                    $"through a known version: set Channels:{channel.Id}:Version to the version of the SSCMS at Channels:{channel.Id}:BaseUrl");
        }

        return reading.Version < SsCmsVersion.FirstSafeUpdate
            ? new ChannelOutcome.HandedOff(HandOff(channel, reading, column, remoteId, item))
            : null;
    }

    private static string HandOff(SsCmsChannel channel, Reading reading, int column, string remoteId, ItemRevision item) =>
        $"{reading.Detail} is older than 7.3.1: its update route overwrites every field it is not sent (approval state, " +
        "date, order, tags…) with defaults and still answers 200, so Syndicator does not update through it. " +
        $"请在 SSCMS 后台手工修改 Edit the content by hand in SSCMS: site {channel.Options.SiteId}, channel (栏目) {column}, content " +
        $"{remoteId} — set the title to「{item.TitleFor(channel.Id)}」and the body to revision {item.Revision} of item {item.Id} as " +
        "approved, keep it approved (已审核), then confirm here. With SSCMS 7.3.1 or later Syndicator updates by itself.";
}
