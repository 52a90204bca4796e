using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Chooses a digest's articles: the items accepted since the last digest that went out (at most a week back) and
/// before the send time, live on the account at send time, oldest first, at most <see cref="WeChatMassSendOptions.MaxArticles"/>.
/// </summary>
internal static class WeChatDigestSelection
{
    /// <summary>A digest never reaches further back than this, however long the sends were deferred.</summary>
    private static readonly TimeSpan LongestWindow = TimeSpan.FromDays(7);

    /// <summary>More candidates than this in one window are not looked at (the newest are).</summary>
    private const int MostCandidates = 500;

    public static async Task<WeChatDigestRecord> SelectAsync(
        WeChatChannel channel, IItemStore items, DateTimeOffset sendAt, DateTimeOffset? lastWindowEnd, CancellationToken cancellationToken)
    {
        var day = WeChatDigest.BeijingDay(sendAt);
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), WeChatOutcomes.BeijingOffset);
        var from = lastWindowEnd ?? dayStart;
        if (from < sendAt - LongestWindow)
        {
            from = sendAt - LongestWindow;
        }

        var candidates = (await items.ListAsync(new ItemQuery(Channel: channel.Id, Since: from, Limit: MostCandidates), cancellationToken))
            .Where(r => r.AcceptedAt < sendAt)
            .OrderBy(r => r.AcceptedAt)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var chosen = new List<WeChatDigestEntry>();
        var leftOut = new List<string>();
        foreach (var record in candidates)
        {
            if (Live(record, channel.Id) is not { } delivery)
            {
                leftOut.Add($"{record.Id}: not live on the account at send time");
            }
            else if (chosen.Count >= channel.Options.MassSend.MaxArticles)
            {
                leftOut.Add($"{record.Id}: over the limit of {channel.Options.MassSend.MaxArticles} articles");
            }
            else
            {
                chosen.Add(Entry(delivery));
            }
        }

        return new WeChatDigestRecord
        {
            Phase = chosen.Count == 0 ? WeChatDigestRecord.Empty : WeChatDigestRecord.Selected,
            WindowStart = from,
            WindowEnd = sendAt,
            Items = chosen,
            LeftOut = leftOut,
            ClientMsgId = ClientMsgId(day, chosen),
        };
    }

    /// <summary>The item's newest succeeded delivery on the channel, unless that was a withdrawal.</summary>
    private static Delivery? Live(ItemRecord record, string channel) =>
        record.Deliveries.LastOrDefault(d => d.Channel == channel && d.Status == DeliveryStatus.Succeeded) is { } last
        && last.Operation != DeliveryOperation.Withdraw
            ? last
            : null;

    private static WeChatDigestEntry Entry(Delivery delivery)
    {
        var images = delivery.Checkpoint.Values
            .Where(p => p.Key.StartsWith(WeChatPublish.ImageKeyPrefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key[WeChatPublish.ImageKeyPrefix.Length..], p => p.Value, StringComparer.Ordinal);
        return new WeChatDigestEntry(delivery.ItemId, delivery.Revision, delivery.Checkpoint[WeChatPublish.ThumbKey], images);
    }

    /// <summary><c>digest-{yyyyMMdd}-{16 hex}</c>: 32 bytes, the same for the same articles on the same day.</summary>
    private static string ClientMsgId(DateOnly day, IReadOnlyList<WeChatDigestEntry> chosen)
    {
        var content = string.Join(';', chosen.Select(e => $"{e.ItemId}:{e.Revision.ToString(CultureInfo.InvariantCulture)}"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
        return $"digest-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{hash}";
    }
}
