using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;

namespace Syndicator.Core.Tracking;

/// <summary>
/// A fingerprint of an article's text that survives what platforms do to markup: the text of the HTML (tags, comments,
/// scripts and styles dropped, entities decoded), NFKC-normalised (full-width letters and digits as their plain forms),
/// with every whitespace and zero-width character removed, then hashed with SHA-256 (lowercase hex). Two bodies with the
/// same words in the same order have the same fingerprint whatever their tags, attributes, images or line breaks; a
/// changed, added or removed character changes it.
/// </summary>
public static class ContentFingerprint
{
    /// <summary>The fingerprint of <paramref name="html"/>.</summary>
    public static string Of(string? html) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NormalText(html))));

    /// <summary>The text the fingerprint hashes: see the type's remarks.</summary>
    public static string NormalText(string? html)
    {
        var body = new HtmlParser().ParseDocument("").Body!;
        body.InnerHtml = html ?? "";
        foreach (var hidden in body.QuerySelectorAll("script, style, template").ToList())
        {
            hidden.Remove();
        }

        return Squeeze(body.TextContent);
    }

    /// <summary>A title or text compared as the fingerprint compares: NFKC, no whitespace.</summary>
    public static string Squeeze(string? text)
    {
        var normal = (text ?? "").Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (!char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }
}
