namespace Syndicator.Sandbox.Bureau;

/// <summary>The fixed site tree of the SSCMS emulator: site 1, its root channel (id = site id, as in SSCMS) and two columns.</summary>
internal static class BureauSite
{
    public const int SiteId = SandboxCredentials.BureauSiteId;

    public static IReadOnlyDictionary<int, string> Channels { get; } = new Dictionary<int, string>
    {
        [SiteId] = "首页",
        [SandboxCredentials.BureauChannelId] = "工作动态",
        [3] = "通知公告",
    };

    public static bool Exists(int siteId) => siteId == SiteId;

    public static bool Exists(int siteId, int channelId) => Exists(siteId) && Channels.ContainsKey(channelId);

    /// <summary>The channels a list query on <paramref name="channelId"/> covers: SSCMS lists a channel with its descendants.</summary>
    public static IReadOnlySet<int> Scope(int channelId) =>
        channelId == SiteId ? Channels.Keys.ToHashSet() : new HashSet<int> { channelId };
}
