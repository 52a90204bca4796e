using Microsoft.Extensions.Options;

namespace Syndicator.Core.Events;

/// <summary>One configured subscription, as the store routes events to it and its lane sends them.</summary>
public sealed record EventSubscription(string Name, EventSubscriptionOptions Options)
{
    /// <summary>Whether the subscription takes an event of <paramref name="type"/> about <paramref name="channels"/>.</summary>
    public bool Takes(string type, IReadOnlyCollection<string> channels) =>
        (Options.Types.Count == 0 || Options.Types.Contains(type, StringComparer.Ordinal))
        && (Options.Channels.Count == 0 || channels.Any(c => Options.Channels.Contains(c, StringComparer.Ordinal)));
}

/// <summary>
/// Who gets which event: the enabled subscriptions of <c>Events:Subscriptions</c>. With none, no event is recorded at
/// all (the stores skip the work); with any, every event is recorded, so a subscription added later can be sent the
/// past ones by a replay.
/// </summary>
public sealed class EventRoutes
{
    public static readonly EventRoutes None = new([]);

    public EventRoutes(IOptions<EventsOptions> options)
        : this([.. options.Value.Subscriptions.Where(s => s.Value.Enabled).OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new EventSubscription(s.Key, s.Value))])
    {
    }

    private EventRoutes(IReadOnlyList<EventSubscription> subscriptions) => Subscriptions = subscriptions;

    /// <summary>The enabled subscriptions, by name.</summary>
    public IReadOnlyList<EventSubscription> Subscriptions { get; }

    /// <summary>Whether events are recorded at all.</summary>
    public bool Recording => Subscriptions.Count > 0;

    public EventSubscription? Find(string name) => Subscriptions.FirstOrDefault(s => s.Name == name);

    /// <summary>The names of the subscriptions that take an event of <paramref name="type"/> about <paramref name="channels"/>.</summary>
    public IEnumerable<string> Taking(string type, IReadOnlyCollection<string> channels) =>
        Subscriptions.Where(s => s.Takes(type, channels)).Select(s => s.Name);
}
