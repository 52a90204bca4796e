using System.ComponentModel.DataAnnotations;

namespace Syndicator.Host.Alerts;

/// <summary>Where alerts go besides the log (<c>Alerts</c>).</summary>
public sealed class AlertOptions : IValidatableObject
{
    /// <summary>An optional robot webhook; none when <see cref="WebhookOptions.Url"/> is not set.</summary>
    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>The webhook's rules; messages name the key and never repeat the URL or the secret.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var webhook = Webhook;
        if (webhook.Url is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new("Alerts:Webhook:Url must be an absolute http or https URL (the value is not repeated: it holds the robot's key).");
        }

        if (!Enum.IsDefined(webhook.Format))
        {
            yield return new($"Alerts:Webhook:Format {(int)webhook.Format} is not one of dingtalk, wecom, json.");
        }

        if (!string.IsNullOrEmpty(webhook.Secret) && webhook.Format != WebhookFormat.DingTalk)
        {
            yield return new($"Alerts:Webhook:Secret is used only with Format dingtalk (Format is {webhook.Format.ToString().ToLowerInvariant()}).");
        }

        if (webhook.Keyword is { Length: > 20 })
        {
            yield return new($"Alerts:Webhook:Keyword '{webhook.Keyword}' is longer than 20 characters.");
        }
    }
}

/// <summary>A chat robot's webhook (<c>Alerts:Webhook</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>
    /// The robot's webhook URL, key included (DingTalk <c>…/robot/send?access_token=…</c>, WeCom
    /// <c>…/cgi-bin/webhook/send?key=…</c>). A secret: never logged. Default: none (alerts go to the log only).
    /// </summary>
    public Uri? Url { get; set; }

    /// <summary>The message shape: <c>dingtalk</c>, <c>wecom</c> or <c>json</c> (the alert as it is). Default <c>json</c>.</summary>
    public WebhookFormat Format { get; set; } = WebhookFormat.Json;

    /// <summary>DingTalk only: the robot's signing secret (<c>SEC…</c>), when its security setting is 加签. Default: none.</summary>
    public string? Secret { get; set; }

    /// <summary>A word every message must contain (DingTalk's 自定义关键词); put in front of the title when missing. Default: none.</summary>
    public string? Keyword { get; set; }
}

/// <summary>The message shapes a webhook can take.</summary>
public enum WebhookFormat
{
    Json,
    DingTalk,
    WeCom,
}
