using System.Text.RegularExpressions;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// Keeps the credentials out of everything the connector writes. With the public client's placement they travel in
/// the URL's query string (platform-truth §4), which exception texts, proxies' pages and platform replies may repeat:
/// every text from outside is scrubbed of the password (plain, URL- and form-encoded) and of any
/// <c>userid=…</c>/<c>password=…</c> parameter value.
/// </summary>
internal sealed class JcmsRedaction
{
    private const string Mask = "***";
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly string[] _secrets;
    private readonly Regex _parameters;

    public JcmsRedaction(string password, string userIdName, string passwordName)
    {
        _secrets = string.IsNullOrEmpty(password)
            ? []
            : [.. new[] { password, Uri.EscapeDataString(password), System.Net.WebUtility.UrlEncode(password) }
                .Distinct(StringComparer.Ordinal).OrderByDescending(static s => s.Length)];
        var names = new[] { "userid", "password", userIdName, passwordName }
            .Where(static n => !string.IsNullOrWhiteSpace(n)).Select(Regex.Escape).Distinct(StringComparer.OrdinalIgnoreCase);
        _parameters = new Regex($"(?i)\\b({string.Join('|', names)})=[^&\\s\"'<>]*", RegexOptions.CultureInvariant, RegexTimeout);
    }

    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return _parameters.Replace(text, "$1=" + Mask);
    }
}
