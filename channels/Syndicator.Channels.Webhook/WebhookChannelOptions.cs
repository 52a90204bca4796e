namespace Syndicator.Channels.Webhook;

/// <summary>
/// Settings of a channel whose connector is <c>webhook</c>: any receiver that takes a signed JSON push (Standard
/// Webhooks). Bound from <c>Channels:&lt;id&gt;</c>; see docs/channels/webhook.md.
/// </summary>
public sealed class WebhookChannelOptions
{
    /// <summary>Where every event is POSTed. Required: an absolute http(s) URL. Default: none.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The signing secret shared with the receiver: <c>whsec_</c> followed by the base64 of 24 to 64 random bytes
    /// (Standard Webhooks). Required. A secret: never logged, never part of an outcome or health detail. Default: none.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Extra request headers (e.g. a receiver's own API key), name → value. They may not carry CR or LF, nor replace
    /// <c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>, <c>Content-Type</c>,
    /// <c>Content-Length</c> or <c>Host</c>. Default: none.
    /// </summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the cover, body images and attachments travel in the payload as base64 (<c>true</c>) or only as
    /// name, type, size and SHA-256 (<c>false</c>). Default: true.
    /// </summary>
    public bool InlineMedia { get; set; } = true;

    /// <summary>
    /// The largest payload sent, in bytes; an item whose payload would be larger is refused at intake (422 naming the
    /// limit). Default: 26,214,400 (25 MiB).
    /// </summary>
    public int MaxPayloadBytes { get; set; } = 25 * 1024 * 1024;
}
