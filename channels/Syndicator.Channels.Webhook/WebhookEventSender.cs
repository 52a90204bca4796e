using System.Collections.Concurrent;
using System.Text;
using Syndicator.Core.Channels;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.Webhook;

/// <summary>
/// Sends events to their subscriptions the way the <c>webhook</c> connector sends items: the same signing
/// (<see cref="WebhookSender"/>) and the same reading of answers (<see cref="WebhookOutcomes"/>), with
/// <c>webhook-id</c> = the event's id and the body exactly as stored.
/// </summary>
public sealed class WebhookEventSender(IHttpClientFactory clients, TimeProvider time) : IEventSender
{
    /// <summary>The named HttpClient events go out on (no redirects followed; AddWebhookEvents registers it).</summary>
    public const string ClientName = "syndicator-events";

    private readonly ConcurrentDictionary<string, WebhookSender> _senders = new(StringComparer.Ordinal);

    public async Task<ChannelOutcome> SendAsync(EventSubscription subscription, StoredEvent stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(stored);
        var sender = _senders.GetOrAdd(subscription.Name, _ => new WebhookSender(
            clients.CreateClient(ClientName), new WebhookChannelOptions { Url = subscription.Options.Url, Secret = subscription.Options.Secret }, time));
        var answer = await sender.SendAsync(stored.Id, Encoding.UTF8.GetBytes(stored.Payload), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return WebhookOutcomes.Of(answer, $"Events:Subscriptions:{subscription.Name}", stored.Id, judge: null);
    }
}
