using System.Net;
using System.Text.RegularExpressions;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// What the platform does to article HTML (reference §8): scripts, <c>on*</c> handlers and <c>javascript:</c> URLs
/// are stripped; an <c>&lt;img&gt;</c> not hosted by WeChat (mmbiz.qpic.cn or this emulator's <c>/wechat/mmbiz/</c>)
/// is dropped; an <c>&lt;a&gt;</c> not pointing at a WeChat article (mp.weixin.qq.com or this emulator's
/// <c>/wechat/site/</c>) is unwrapped to its text. Inline styles are kept.
/// </summary>
internal static partial class ArticleHtml
{
    public static string Sanitize(string html, string origin)
    {
        var clean = ScriptRegex().Replace(html, string.Empty);
        // Handlers and javascript: URLs only inside tags: the same words in the text are the author's.
        clean = TagRegex().Replace(clean, m => JavaScriptUrlRegex().Replace(HandlerRegex().Replace(m.Value, string.Empty), string.Empty));
        var images = $"{origin}/{WeChatEmulator.ChannelName}{MediaStore.ImagePath}";
        clean = ImageRegex().Replace(clean, m => IsFrom(Attribute(m.Value, "src"), "mmbiz.qpic.cn", images) ? m.Value : string.Empty);
        var pages = $"{origin}/{WeChatEmulator.ChannelName}{WeChatPages.SitePath}/";
        return LinkRegex().Replace(clean, m => IsFrom(Attribute(m.Groups["open"].Value, "href"), "mp.weixin.qq.com", pages) ? m.Value : m.Groups["inner"].Value);
    }

    /// <summary>The text of the HTML, tags removed and entities decoded, whitespace collapsed.</summary>
    public static string Text(string html) =>
        WhitespaceRegex().Replace(WebUtility.HtmlDecode(TagRegex().Replace(html, " ")), " ").Trim();

    private static string Attribute(string tag, string name) =>
        AttributeRegex().Matches(tag).FirstOrDefault(m => m.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase))?.Groups["value"].Value
        ?? string.Empty;

    private static bool IsFrom(string url, string wechatHost, string emulatorPrefix) =>
        url.StartsWith(emulatorPrefix, StringComparison.OrdinalIgnoreCase)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Equals(wechatHost, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"<script\b[^>]*>.*?</script\s*>|<script\b[^>]*/?>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex ScriptRegex();

    [GeneratedRegex(@"\s+on[a-z]+\s*=\s*(""[^""]*""|'[^']*'|[^\s>]+)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex HandlerRegex();

    [GeneratedRegex(@"\s+(href|src)\s*=\s*(""\s*javascript:[^""]*""|'\s*javascript:[^']*'|javascript:[^\s>]*)", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex JavaScriptUrlRegex();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ImageRegex();

    [GeneratedRegex(@"(?<open><a\b[^>]*>)(?<inner>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex LinkRegex();

    [GeneratedRegex(@"\s(?<name>[a-z-]+)\s*=\s*(""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>]+))", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex AttributeRegex();

    [GeneratedRegex("<[^>]*>", RegexOptions.None, 1000)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex WhitespaceRegex();
}
