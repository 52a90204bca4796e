using Microsoft.Extensions.Logging;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Events;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Channels.Webhook;

/// <summary>Creates <c>webhook</c> connectors; checks their settings and the size of what an item would send.</summary>
internal sealed class WebhookConnectorFactory(IHttpClientFactory httpClients, TimeProvider time, ILogger<WebhookConnector> logger)
    : ConnectorFactory<WebhookChannelOptions>
{
    /// <summary>The bounds of <see cref="WebhookChannelOptions.MaxPayloadBytes"/>: 1 KiB to 256 MiB.</summary>
    private const int MinPayload = 1024;
    private const int MaxPayload = 256 * 1024 * 1024;

    public override string Connector => "webhook";

    public override IEnumerable<KeyValuePair<string, string>> CheckItem(ChannelDefinition channel, ItemRevision item)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(item);
        var options = Bind(channel);
        var probe = new Delivery
        {
            Id = new string('0', 32),
            ItemId = item.Id,
            Revision = item.Revision,
            Channel = channel.Id,
            Operation = DeliveryOperation.Publish,
            Status = DeliveryStatus.Pending,
            CreatedAt = item.AcceptedAt,
            UpdatedAt = item.AcceptedAt,
        };
        var size = WebhookPayload.Of(probe, DeliveryOperation.Publish, item, null, channel.Id, options.InlineMedia).Length;
        if (size > options.MaxPayloadBytes)
        {
            yield return new("body", $"发往渠道 {channel.Id} 的事件过大: the webhook payload of this item is {size} bytes, above " +
                $"Channels:{channel.Id}:MaxPayloadBytes ({options.MaxPayloadBytes}); make the media smaller or fewer");
        }
    }

    protected override IEnumerable<string?> Check(SettingsChecks settings)
    {
        yield return settings.Url(nameof(WebhookChannelOptions.Url));
        var secret = settings[nameof(WebhookChannelOptions.Secret)];
        yield return string.IsNullOrWhiteSpace(secret)
            ? settings.Required(nameof(WebhookChannelOptions.Secret), "the signing secret shared with the receiver, whsec_ + base64")
            : SigningSecret.Key(secret) is null
                ? $"{settings.Key(nameof(WebhookChannelOptions.Secret))} must be whsec_ followed by the base64 of {SigningSecret.MinBytes} to {SigningSecret.MaxBytes} bytes (the value is not shown)"
                : null;
        yield return settings.Bool(nameof(WebhookChannelOptions.InlineMedia));
        yield return settings.IntRange(nameof(WebhookChannelOptions.MaxPayloadBytes), MinPayload, MaxPayload);
        var headers = settings.Channel.Settings.GetSection(nameof(WebhookChannelOptions.Headers)).GetChildren().ToList();
        if (headers.Count > WebhookHeaders.MaxExtra)
        {
            yield return $"{settings.Key(nameof(WebhookChannelOptions.Headers))} has {headers.Count} headers; at most {WebhookHeaders.MaxExtra}";
        }

        foreach (var header in headers)
        {
            if (WebhookHeaders.Problem(header.Key, header.Value) is { } problem)
            {
                yield return $"{settings.Key($"{nameof(WebhookChannelOptions.Headers)}:{header.Key}")} {problem}";
            }
        }
    }

    protected override IChannelConnector CreateConnector(ChannelDefinition channel, WebhookChannelOptions options) =>
        new WebhookConnector(channel.Id, options, () => httpClients.CreateClient(ChannelHttp.ClientName(channel.Id)), time, logger);
}
