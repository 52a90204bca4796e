using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Application;

/// <summary>
/// Events for IT: the subscriptions with their queues, the events each received, and replay. The API, the console
/// and the CLI (through the API) all call this.
/// </summary>
public sealed class EventsService(
    EventRoutes routes, IEventStore store, EventGates gates, DispatchSignal signal, IAuditLog audit, TimeProvider time)
{
    /// <summary>The most events one listing returns.</summary>
    public const int MaxLimit = 500;

    /// <summary>The longest item id a listing filters by: intake's rule for an item id (at most 64 characters).</summary>
    public const int MaxItemIdLength = 64;

    /// <summary>How far back a replay may reach.</summary>
    public static readonly TimeSpan MaxReplayAge = TimeSpan.FromDays(366);

    /// <summary>Every enabled subscription (never its secret) with its queue and circuit.</summary>
    public async Task<IReadOnlyList<SubscriptionView>> SubscriptionsAsync(CancellationToken cancellationToken)
    {
        var views = new List<SubscriptionView>(routes.Subscriptions.Count);
        foreach (var s in routes.Subscriptions)
        {
            var counts = await store.CountAsync(s.Name, cancellationToken);
            var circuit = gates.Circuit(s.Name);
            views.Add(new SubscriptionView(
                s.Name, s.Options.Url!, s.Options.Types.Count == 0 ? EventTypes.All : s.Options.Types, s.Options.Channels,
                counts, CircuitName(circuit.State), circuit.OpenUntil));
        }

        return views;
    }

    /// <summary>The newest events as received, newest first; a refusal names the field and the limit.</summary>
    public async Task<CommandAnswer<IReadOnlyList<EventDeliveryRecord>>> ListAsync(
        string? subscription, bool failedOnly, string? itemId, int limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return new(null, Refusal.Field(RefusalKind.Unprocessable, "The limit is out of range.", "limit", $"{limit} is not from 1 to {MaxLimit}."));
        }

        if (subscription is not null && KnownOrRefused(subscription) is { } refused)
        {
            return new(null, refused);
        }

        if (itemId is { Length: > MaxItemIdLength })
        {
            return new(null, Refusal.Field(RefusalKind.Unprocessable, "The item id is too long.", "itemId", $"{itemId.Length} characters is over the limit of {MaxItemIdLength}."));
        }

        return new(await store.ListAsync(new EventQuery(subscription, failedOnly, itemId, limit), cancellationToken), null);
    }

    /// <summary>
    /// Sends again every event since <paramref name="since"/> to <paramref name="subscription"/> (or every enabled
    /// one), under the same event ids; audited.
    /// </summary>
    public async Task<CommandAnswer<IReadOnlyDictionary<string, int>>> ReplayAsync(
        DateTimeOffset? since, string? subscription, string actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (since is not { } from)
        {
            return new(null, Refusal.Field(RefusalKind.Malformed, "A start is required.", "since", "Say from when (ISO 8601, e.g. 2026-12-01T00:00:00+08:00)."));
        }

        if (from > now || now - from > MaxReplayAge)
        {
            return new(null, Refusal.Field(RefusalKind.Unprocessable, "The start is out of range.", "since",
                $"{from:O} is not within the last {MaxReplayAge.TotalDays} days."));
        }

        if (subscription is not null && KnownOrRefused(subscription) is { } refused)
        {
            return new(null, refused);
        }

        if (!routes.Recording)
        {
            return new(null, Refusal.Field(RefusalKind.Conflict, "No subscriptions.", "subscription", "Events:Subscriptions has no enabled subscription."));
        }

        var targets = subscription is null ? routes.Subscriptions : [routes.Find(subscription)!];
        var queued = await store.ReplayAsync(new EventReplay(from, targets, now), cancellationToken);
        await audit.AppendAsync(new AuditEntry(now, actor, "events.replay", null, null, null, null,
            $"since {from:O}: {string.Join(", ", queued.Select(q => $"{q.Key} {q.Value}"))}"), cancellationToken);
        signal.NotifyEvents();
        return new(queued, null);
    }

    private Refusal? KnownOrRefused(string subscription) =>
        routes.Find(subscription) is null
            ? Refusal.Field(RefusalKind.Unprocessable, "Unknown subscription.", "subscription",
                $"'{(subscription.Length <= 64 ? subscription : subscription[..64] + "…")}' is not an enabled subscription. Enabled: {string.Join(", ", routes.Subscriptions.Select(s => s.Name))}.")
            : null;

    private static string CircuitName(CircuitState state) => state switch
    {
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => "closed",
    };
}

/// <summary>A subscription as IT sees it: never its secret.</summary>
public sealed record SubscriptionView(
    string Name, Uri Url, IReadOnlyList<string> Types, IReadOnlyList<string> Channels, EventCounts Counts, string Circuit, DateTimeOffset? OpenUntil);
