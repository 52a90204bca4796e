using System.Globalization;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The fixed column tree of the emulated disclosure portal and its public URL layout, after Hanweb JCMS sites:
/// articles at <c>/art/YYYY/M/D/art_{colid}_{artid}.html</c>, month and day not zero-padded (reference
/// gov-cms-protocols §2.3 [H11]).
/// </summary>
internal static class PortalSite
{
    /// <summary>Where the receive interface listens below the channel prefix, as on JCMS sites [H1].</summary>
    public const string ReceivePath = "/jcms/interface/receive.jsp";

    public const string SitePath = "/site";

    /// <summary>China Standard Time: the portal's dates are local dates there (no daylight saving).</summary>
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IReadOnlyDictionary<int, string> Columns { get; } = new Dictionary<int, string>
    {
        [SandboxCredentials.PortalColumnId] = "政府信息公开目录",
        [SandboxCredentials.PortalPolicyColumnId] = "政策文件",
        [1229003] = "工作动态",
    };

    /// <summary>The page of an article relative to the site root.</summary>
    public static string ArticlePath(int columnId, int id, DateTimeOffset createdAt)
    {
        var local = createdAt.ToOffset(ChinaOffset);
        return string.Create(CultureInfo.InvariantCulture, $"/art/{local.Year}/{local.Month}/{local.Day}/art_{columnId}_{id}.html");
    }

    /// <summary>Where an attachment of an article is downloaded, relative to the site root.</summary>
    public static string AttachmentPath(int id, int index, string name) =>
        string.Create(CultureInfo.InvariantCulture, $"/attach/{id}/{index}/{Uri.EscapeDataString(name)}");
}
