using System.Text;
using Syndicator.Core.Items;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>
/// The notice the start-up check and the health check render: every part of a notice, CJK and Latin, so a font that
/// lacks the characters a notice needs is found before a notice prints boxes.
/// </summary>
internal static class NoticeSample
{
    public static readonly ItemRevision Item = new()
    {
        Id = "noticeboard-sample",
        Revision = 1,
        Title = "关于信息公开栏试印的通知（“字体检查”）",
        Body = new ItemBody("html", ""),
        BodyHtml = "<h2>一、说明</h2><p>本页用于确认字体可用：政府信息公开，ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 %/-.:，。、；：？！（）《》“”…—。</p><ul><li>不需张贴。</li></ul>",
        Category = "work",
        Publisher = "桐乡市水利局",
        IndexNumber = "002528063/2026-00000",
        DocumentNumber = "桐水〔2026〕1号",
        WrittenOn = new DateOnly(2026, 1, 1),
        Channels = [],
        ContentHash = new string('0', 64),
        AcceptedAt = DateTimeOffset.UnixEpoch,
    };

    /// <summary>The characters <paramref name="notice"/> printed as boxes, quoted; null when there are none.</summary>
    public static string? Missing(RenderedNotice notice, Func<int, bool>? which = null)
    {
        var missing = notice.Missing.Where(which ?? (_ => true)).Take(10).ToList();
        return missing.Count == 0 ? null : string.Join(' ', missing.Select(c => $"'{new Rune(c)}' (U+{c:X4})"));
    }
}
