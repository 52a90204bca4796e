namespace Syndicator.Channels.Jcms;

/// <summary>
/// Keeps the interface password out of everything the connector writes: a text is scrubbed of the password (plain
/// and URL-encoded), and a URL is shown without its query string, which carries the credentials in legacy mode.
/// </summary>
internal sealed class JcmsRedaction
{
    private const string Mask = "***";

    private readonly string[] _secrets;

    public JcmsRedaction(string password) =>
        _secrets = string.IsNullOrEmpty(password) ? [] : [.. new[] { password, Uri.EscapeDataString(password) }.Distinct(StringComparer.Ordinal)];

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary><paramref name="url"/> with any query replaced by <c>?***</c>.</summary>
    public static string Url(Uri url) =>
        url.Query.Length == 0 ? url.AbsoluteUri : url.GetLeftPart(UriPartial.Path) + "?" + Mask;
}
