using Syndicator.Core.Channels;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Events;

/// <summary>
/// Sends one stored event to one subscription's receiver, signed per Standard Webhooks with <c>webhook-id</c> = the
/// event's id (the same on every try). Never throws for HTTP or network failures: the answer becomes an outcome —
/// <see cref="ChannelOutcome.Succeeded"/> (2xx), <see cref="ChannelOutcome.Transient"/> (408, 429, 5xx, no answer),
/// <see cref="ChannelOutcome.AuthFailed"/> (401, 403: the signature refused), <see cref="ChannelOutcome.Rejected"/>
/// (any other answer).
/// </summary>
public interface IEventSender
{
    Task<ChannelOutcome> SendAsync(EventSubscription subscription, StoredEvent stored, CancellationToken cancellationToken);
}
