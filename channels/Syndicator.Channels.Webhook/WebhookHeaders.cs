namespace Syndicator.Channels.Webhook;

/// <summary>The Standard Webhooks headers (standard-webhooks spec, "Webhook headers") and the checks of extra ones.</summary>
internal static class WebhookHeaders
{
    public const string Id = "webhook-id";
    public const string Timestamp = "webhook-timestamp";
    public const string Signature = "webhook-signature";

    /// <summary>The most extra headers a channel may configure.</summary>
    public const int MaxExtra = 32;

    /// <summary>Headers an extra one may not replace: the signature's own and the ones the HTTP layer sets.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        Id, Timestamp, Signature, "Content-Type", "Content-Length", "Host", "Transfer-Encoding",
    };

    /// <summary>Why the header <paramref name="name"/> = <paramref name="value"/> cannot be sent; null when it can.</summary>
    public static string? Problem(string name, string? value)
    {
        if (name.Length == 0 || !name.All(IsTokenChar))
        {
            return "is not a valid header name (RFC 9110 token characters only)";
        }

        if (Reserved.Contains(name))
        {
            return "would replace a header the webhook sets itself (webhook-id, webhook-timestamp, webhook-signature, Content-Type, Content-Length, Host)";
        }

        return value is not null && value.Any(static c => c is '\r' or '\n' or '\0')
            ? "must not contain CR, LF or NUL"
            : null;
    }

    // RFC 9110 §5.6.2: tchar.
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
