using System.Globalization;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// Where a content's page is: SSCMS computes it from the site's and channel's path rules and reports it only in the
/// list, as <c>navigationUrl</c> (S7, <c>ContentsController.List</c> → <c>GetContentUrlAsync</c>). We record that
/// address, never one we build.
/// </summary>
internal static class SsCmsPages
{
    /// <summary>
    /// The outcome of a create or update of content <paramref name="remoteId"/> that SSCMS took, with its page address
    /// (null when it has none). A failed list read is the outcome when <paramref name="fallback"/> is null.
    /// </summary>
    public static async Task<(ChannelOutcome Outcome, Uri? Url)> LocateAsync(
        SsCmsChannel channel, SsCmsApi api, int column, string remoteId, DeliveryContext context, string? code, CancellationToken cancellationToken, Uri? fallback = null)
    {
        var note = channel.MediaNote(context.Item);
        if (!channel.Options.Checked)
        {
            // Stored for review (待审核): no page until someone approves it in SSCMS.
            return (new ChannelOutcome.Succeeded(remoteId, null) { Code = code, Note = note }, null);
        }

        if (!SettingsChecks.TryParseId(remoteId, out var id))
        {
            return (new ChannelOutcome.Rejected($"'{remoteId}' is not an SSCMS content id"), null);
        }

        var list = await api.FindAsync(column, id, cancellationToken);
        if (!list.Succeeded)
        {
            SsCmsConnector.LogFailure(channel, list, "list (page address)");
            if (fallback is not null)
            {
                return (new ChannelOutcome.Succeeded(remoteId, fallback) { Code = code, Note = note }, fallback);
            }

            var failure = SsCmsOutcomes.Failure(list, channel.NotFoundOnCreate(column), channel, column, context.Delivery);
            return (failure is ChannelOutcome.Transient t ? t with { Reason = $"content {remoteId} is in SSCMS; reading its page address failed: {t.Reason}" } : failure, null);
        }

        var row = list.Data!.Contents?.FirstOrDefault(c => c.Id == id);
        if (row is null)
        {
            return (new ChannelOutcome.Succeeded(remoteId, null)
            {
                Code = code,
                Note = Join(note, $"SSCMS does not list content {remoteId} in channel {column}: no page address recorded"),
            }, null);
        }

        if (!row.Checked)
        {
            return (new ChannelOutcome.Succeeded(remoteId, null)
            {
                Code = code,
                Note = Join(note, $"SSCMS stored content {remoteId} unapproved (待审核) although approval was asked for: the API key's " +
                    $"administrator may lack 审核 rights on channel {column.ToString(CultureInfo.InvariantCulture)}; once someone approves it in SSCMS it gets its page"),
            }, null);
        }

        var url = channel.PageUrl(row.NavigationUrl);
        return (new ChannelOutcome.Succeeded(remoteId, url) { Code = code, Note = note }, url);
    }

    private static string? Join(string? first, string second) => first is null ? second : $"{first}; {second}";
}
