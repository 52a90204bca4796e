using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Syndicator.Core.Intake;

/// <summary>
/// What HTML may reach a public government page (docs/body-policy.md): text, headings, lists, tables, figures,
/// emphasis, links (http, https, mailto) and our own images. No forms or controls, no frames, objects or embeds, no
/// style sheets or document-level elements, no positioning, layering, transforms or negative lengths in inline styles.
/// </summary>
internal static partial class BodyPolicy
{
    private static readonly string[] Tags =
    [
        "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "big", "blockquote", "br", "caption", "center",
        "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption",
        "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd", "li",
        "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "span", "strike", "strong",
        "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr",
    ];

    private static readonly string[] Attributes =
    [
        "abbr", "align", "alt", "axis", "bgcolor", "border", "cellpadding", "cellspacing", "char", "charoff", "cite",
        "clear", "color", "colspan", "compact", "datetime", "dir", "face", "frame", "headers", "height", "href",
        "hreflang", "hspace", "lang", "noshade", "nowrap", "open", "reversed", "rowspan", "rules", "scope", "size", "span",
        "src", "start", "style", "summary", "title", "type", "valign", "vspace", "width",
    ];

    /// <summary>Positioning and layering: what lets a body cover the rest of the page or move text out of place.</summary>
    private static readonly string[] NoCss =
    [
        "position", "top", "right", "bottom", "left", "inset", "inset-block", "inset-block-start", "inset-block-end",
        "inset-inline", "inset-inline-start", "inset-inline-end", "z-index", "transform", "transform-origin", "clip",
        "clip-path", "translate", "rotate", "scale", "offset", "offset-path", "offset-distance",
    ];

    /// <summary>The sanitizer's settings, built once (a sanitizer is made per body: its events carry that body's notes).</summary>
    public static readonly HtmlSanitizerOptions Options = new()
    {
        AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
        AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
        AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
        AllowedCssProperties = new HashSet<string>(
            HtmlSanitizerDefaults.AllowedCssProperties.Except(NoCss, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase),
        AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(HtmlSanitizerDefaults.AllowedAtRules),
        UriAttributes = new HashSet<string>(HtmlSanitizerDefaults.UriAttributes, StringComparer.OrdinalIgnoreCase),
        AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>
    /// A CSS value the policy drops: the library's own rule (no angle brackets) and any negative length or number,
    /// which pulls text over its neighbours (<c>margin:-9999px</c>) or off the page (<c>text-indent:-9999px</c>).
    /// </summary>
    [GeneratedRegex(@"[<>]|(?:^|[\s,(])-(?:\d|\.\d)")]
    public static partial Regex DisallowedCssValue();

    /// <summary>Why a removed element mattered, for the note the sender sees.</summary>
    public static string Why(string tag) => tag switch
    {
        "form" or "input" or "button" or "select" or "textarea" or "option" or "optgroup" or "label" or "fieldset"
            or "legend" or "datalist" or "output" or "keygen" =>
            "forms and their controls are not published on a government page",
        "iframe" or "frame" or "frameset" or "object" or "embed" or "applet" or "audio" or "video" or "source" or "track" or "svg" or "math" =>
            "content from elsewhere is not embedded in a government page",
        "script" or "noscript" or "template" => "scripts are never published",
        "style" or "link" or "meta" or "base" or "head" or "title" => "page-level elements would restyle or redirect the whole page",
        _ => "not in the policy for public pages",
    };

    /// <summary>The element's start tag, for a note.</summary>
    public static string Name(IElement element) => $"<{element.LocalName}>";
}
