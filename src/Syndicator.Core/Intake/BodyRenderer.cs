using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;

namespace Syndicator.Core.Intake;

/// <summary>
/// Turns a submitted body into the sanitized HTML every channel receives: markdown is rendered first, then
/// everything goes through HtmlSanitizer (no scripts, no event handlers, no <c>javascript:</c> or <c>data:</c> URLs).
/// </summary>
public sealed class BodyRenderer
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();
    private readonly HtmlSanitizer _sanitizer = new();
    private readonly HtmlParser _parser = new();

    public string ToSafeHtml(string format, string content)
    {
        var html = format == "markdown" ? Markdig.Markdown.ToHtml(content, Markdown) : content;
        return _sanitizer.Sanitize(html);
    }

    /// <summary>The <c>src</c> of every image in <paramref name="html"/> that is not an http(s) URL: names of carried images.</summary>
    /// <remarks>Only http and https count as absolute: on Linux <c>/x.png</c> parses as an absolute <c>file:</c> URI.</remarks>
    public IReadOnlyList<string> LocalImageSources(string html) =>
        _parser.ParseDocument(html).Images
            .Select(i => i.GetAttribute("src") ?? "")
            .Where(src => src.Length > 0 && !IsWebUrl(src))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Whether <paramref name="html"/> shows anything: text or an image.</summary>
    public bool HasContent(string html)
    {
        var document = _parser.ParseDocument(html);
        return !string.IsNullOrWhiteSpace(document.Body?.TextContent) || document.Images.Length > 0;
    }

    private static bool IsWebUrl(string src) =>
        Uri.TryCreate(src, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
