using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// WeChat's limits on an article, checked at intake (through the factory's <c>CheckItem</c>) so that an item WeChat
/// would refuse is refused before any channel publishes it, and nothing is ever truncated in silence:
/// <list type="bullet">
/// <item>title 32 字, digest 128 字 (draft/add documentation, wechat-api.md §4a);</item>
/// <item>every image the article carries must be one that can be fitted to the upload rules (W3, <see cref="WeChatImages"/>);</item>
/// <item>the <b>composed</b> content — markup, the uploadimg URLs, our link notes and marker — under 20,000 characters
/// and 1 MB (W4), measured with <see cref="ImageUrlLength"/> for each image URL WeChat has not returned yet.</item>
/// </list>
/// The author is the channel's (<see cref="WeChatChannelOptions.Author"/>, W5), never a reason to refuse an item.
/// </summary>
internal static class WeChatItemLimits
{
    public const int Title = 32;
    public const int Author = 16;
    public const int Digest = 128;

    /// <summary><c>content</c> must be under 20,000 characters (W4).</summary>
    public const int Content = 20_000;

    /// <summary>… and under 1 MB (W4), counted as the UTF-8 bytes sent.</summary>
    public const int ContentBytes = 1024 * 1024;

    /// <summary>Community reports of 45110 put the author's real limit near 20 UTF-8 bytes (W5).</summary>
    public const int AuthorBytes = 20;

    /// <summary>Community reports of 45003 put the title's real limit near 60 UTF-8 bytes (W5): a warning, not a refusal.</summary>
    public const int TitleBytes = 60;

    /// <summary>
    /// The length counted at intake for each body image's URL, before WeChat has returned it. The documentation's example
    /// is <c>http://mmbiz.qpic.cn/XXXXX</c> (wechat-api.md §2); real answers run to about 140 characters
    /// (<c>http://mmbiz.qpic.cn/sz_mmbiz_png/</c> + an 88-character key + <c>/0?from=appmsg</c>). 256 leaves room.
    /// </summary>
    public const int ImageUrlLength = 256;

    public static IEnumerable<KeyValuePair<string, string>> Check(string channel, ItemRevision item) =>
        Check(channel, new WeChatChannelOptions(), item);

    public static IEnumerable<KeyValuePair<string, string>> Check(string channel, WeChatChannelOptions options, ItemRevision item)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(item);
        var overridden = item.Overrides.TryGetValue(channel, out var o) ? o : null;
        if (item.TitleFor(channel).Length > Title)
        {
            yield return Problem(
                !string.IsNullOrWhiteSpace(overridden?.Title) ? $"overrides.{channel}.title" : "title",
                $"{item.TitleFor(channel).Length} characters is over WeChat's title limit of {Title}; give a shorter title in overrides.{channel}.title.");
        }

        if (item.SummaryFor(channel) is { } digest && digest.Length > Digest)
        {
            yield return Problem(
                !string.IsNullOrWhiteSpace(overridden?.Summary) ? $"overrides.{channel}.summary" : "summary",
                $"{digest.Length} characters is over WeChat's digest limit of {Digest}; give a shorter summary in overrides.{channel}.summary.");
        }

        var referenced = WeChatBody.ReferencedImages(item).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < item.Images.Count; i++)
        {
            if (referenced.Contains(item.Images[i].Name) && WeChatImages.Problem(item.Images[i], WeChatImageUse.Body) is { } problem)
            {
                yield return Problem($"images[{i}]", problem + " (WeChat article images: jpg/png under 1 MB, fitted at delivery.)");
            }
        }

        if (item.Cover is { } cover && WeChatImages.Problem(cover, WeChatImageUse.Cover) is { } coverProblem)
        {
            yield return Problem("cover", coverProblem + " (WeChat covers: bmp/png/jpeg/gif up to 10 MB, fitted at delivery.)");
        }

        var placeholders = referenced.ToDictionary(n => n, n => "http://mmbiz.qpic.cn/" + new string('x', ImageUrlLength - 21), StringComparer.Ordinal);
        if (ContentProblem(WeChatBody.Compose(item, placeholders), estimated: true) is { } contentProblem)
        {
            yield return Problem("body.content", contentProblem);
        }
    }

    /// <summary>Why WeChat would refuse <paramref name="content"/> as sent (W4), or null.</summary>
    public static string? ContentProblem(string content, bool estimated = false)
    {
        var chars = content.Length;
        var bytes = Encoding.UTF8.GetByteCount(content);
        var what = estimated
            ? $"the article as it would be sent (body HTML, {ImageUrlLength} characters for each image URL WeChat returns, link notes and our marker)"
            : "the composed article content";
        return chars >= Content
            ? string.Create(CultureInfo.InvariantCulture, $"{what} is {chars} characters; WeChat takes under {Content}. Shorten the body or split the item.")
            : bytes >= ContentBytes
                ? string.Create(CultureInfo.InvariantCulture, $"{what} is {bytes} bytes; WeChat takes under 1 MB ({ContentBytes} bytes).")
                : null;
    }

    /// <summary>
    /// The author sent with an article (W5): the channel's <see cref="WeChatChannelOptions.Author"/>; without one, the
    /// item's publisher when it is within both the documented 16 字 and the reported ~20 bytes; else none.
    /// </summary>
    public static string? AuthorFor(WeChatChannelOptions options, ItemRevision item)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(item);
        if (options.Author is { } configured)
        {
            return configured.Length == 0 ? null : configured;
        }

        return AuthorProblem(item.Publisher) is null && item.Publisher.Length > 0 ? item.Publisher : null;
    }

    /// <summary>Why <paramref name="author"/> is too long for WeChat (W5), or null.</summary>
    public static string? AuthorProblem(string author) =>
        author.Length > Author ? $"{author.Length} characters is over WeChat's documented author limit of {Author}"
        : Encoding.UTF8.GetByteCount(author) > AuthorBytes
            ? $"{Encoding.UTF8.GetByteCount(author)} UTF-8 bytes is over the ~{AuthorBytes} bytes at which WeChat has been reported to answer 45110 (e.g. 6 Chinese characters fit, 7 do not)"
            : null;

    /// <summary>A warning when the title is long in bytes (W5: 45003 reported near 60 bytes), or null.</summary>
    public static string? TitleWarning(string title)
    {
        var bytes = Encoding.UTF8.GetByteCount(title);
        return bytes > TitleBytes
            ? string.Create(CultureInfo.InvariantCulture, $"标题 {bytes} 字节：部分账号在约 {TitleBytes} 字节以上会被拒（45003），如遇此错误请在 overrides 中给出更短的标题")
            : null;
    }

    /// <summary>The start-up checks of this file's settings (<c>Author</c>; the default cover must be an image that fits).</summary>
    public static IEnumerable<string> CheckSettings(IConfiguration settings, string prefix)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings[nameof(WeChatChannelOptions.Author)] is { Length: > 0 } author && AuthorProblem(author) is { } problem)
        {
            yield return $"{prefix}:Author '{author}' is too long: {problem}; give a shorter name (or empty for no author)";
        }

        var cover = settings[nameof(WeChatChannelOptions.DefaultCoverBase64)];
        var buffer = new byte[cover?.Length ?? 0];
        if (cover is { Length: > 0 } && Convert.TryFromBase64String(cover, buffer, out var length) && length > 0
            && WeChatImages.Problem(new MediaFile("default-cover", "image/png", buffer[..length]), WeChatImageUse.Cover) is { } coverProblem)
        {
            yield return $"{prefix}:DefaultCoverBase64 is not a usable cover: {coverProblem}";
        }
    }

    private static KeyValuePair<string, string> Problem(string field, string message) => KeyValuePair.Create(field, message);
}
