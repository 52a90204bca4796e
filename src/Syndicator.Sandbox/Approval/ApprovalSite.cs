using System.Globalization;

namespace Syndicator.Sandbox.Approval;

/// <summary>The fixed tree of the WCM emulator: one site, two channels (栏目), one metadata view.</summary>
internal static class ApprovalSite
{
    public const int SiteId = 1;

    public static IReadOnlyDictionary<int, string> Channels { get; } = new Dictionary<int, string>
    {
        [SandboxCredentials.ApprovalChannelId] = "审批公告",
        [SandboxCredentials.ApprovalNoticeChannelId] = "通知公告",
    };

    /// <summary>China Standard Time: dates in page addresses and WCM's times.</summary>
    public static readonly TimeSpan Zone = TimeSpan.FromHours(8);

    /// <summary>
    /// A document's page below the site root, in the layout TRS sites show (reference §1.8, inferred):
    /// <c>/{channelId}/{yyyyMM}/t{yyyyMMdd}_{docId}.html</c>.
    /// </summary>
    public static string PagePath(int channelId, DateTimeOffset publishedAt, int docId)
    {
        var local = publishedAt.ToOffset(Zone);
        return string.Create(CultureInfo.InvariantCulture, $"/{channelId}/{local:yyyyMM}/t{local:yyyyMMdd}_{docId}.html");
    }

    public static string Time(DateTimeOffset instant) =>
        instant.ToOffset(Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
