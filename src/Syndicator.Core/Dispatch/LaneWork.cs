using Syndicator.Core.Channels;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Dispatch;

/// <summary>What a <see cref="Lane{TLease}"/> runs: one queue's claims, its next due time, and one try per claim.</summary>
internal interface ILaneWork<TLease>
{
    /// <summary>The lane's name in logs: the channel's id, or <c>events:</c> and the subscription's name.</summary>
    string Name { get; }

    /// <summary>How many tries run at once.</summary>
    int MaxConcurrency { get; }

    Task<IReadOnlyList<TLease>> ClaimAsync(string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken);

    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>What is claimed (a delivery's id): a claim of something this lane still runs waits for that try to end.</summary>
    string KeyOf(TLease lease);

    /// <summary>One try; never throws for the work's own failures (they are recorded).</summary>
    Task RunAsync(TLease lease, CancellationToken hardStop);
}

/// <summary>A channel's deliveries as lane work.</summary>
internal sealed class DeliveryLaneWork(ChannelDefinition channel, IDeliveryStore store, DeliveryRunner runner) : ILaneWork<DeliveryLease>
{
    public string Name => channel.Id;

    public int MaxConcurrency => channel.Options.MaxConcurrency;

    public Task<IReadOnlyList<DeliveryLease>> ClaimAsync(string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        store.ClaimAsync(channel.Id, owner, max, now, leaseFor, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.NextDueAsync(channel.Id, cancellationToken);

    public string KeyOf(DeliveryLease lease) => lease.Delivery.Id;

    public Task RunAsync(DeliveryLease lease, CancellationToken hardStop) => runner.RunAsync(lease, hardStop);
}
