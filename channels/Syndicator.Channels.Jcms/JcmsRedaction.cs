namespace Syndicator.Channels.Jcms;

/// <summary>
/// Keeps the interface password out of everything the connector writes: any text from outside (an error message, a
/// platform reply, a URL that carries the credentials in legacy mode) is scrubbed of the password, plain and URL-encoded.
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
}
