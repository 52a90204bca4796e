using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Events;

/// <summary>
/// The hosted service that runs one <see cref="Lane{TLease}"/> per enabled subscription: the same lanes, leases,
/// circuit and retry schedule as a channel's deliveries, over the events queue.
/// </summary>
/// <remarks>
/// The queue and the sender are resolved only when a subscription is configured, so a host without events (a test
/// of the dispatcher alone) needs neither.
/// </remarks>
public sealed class EventDispatcher(
    EventRoutes routes, IServiceProvider services, DispatchSignal signal, EventGates gates, TimeProvider time,
    IOptions<DispatcherOptions> options, ILogger<EventDispatcher> logger) : BackgroundService
{
    /// <summary>This process's name on event leases: host, process id and a random part.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !routes.Recording)
        {
            return Task.CompletedTask;
        }

        var store = services.GetRequiredService<IEventStore>();
        var runner = services.GetRequiredService<EventRunner>();
        var lanes = routes.Subscriptions
            .Select(s => new Lane<EventLease>(
                new EventLaneWork(s, store, runner), signal.For(DispatchSignal.EventLane(s.Name)), gates.Circuit(s.Name),
                new ChannelRate(0, time), time, options.Value, Owner, logger))
            .ToList();
        Log.DispatcherStarted(logger, Owner, string.Join(", ", routes.Subscriptions.Select(s => DispatchSignal.EventLane(s.Name))));
        return Task.WhenAll(lanes.Select(l => Task.Run(() => l.RunAsync(stoppingToken), CancellationToken.None)));
    }
}

/// <summary>A subscription's events as lane work.</summary>
internal sealed class EventLaneWork(EventSubscription subscription, IEventStore store, EventRunner runner) : ILaneWork<EventLease>
{
    public string Name => DispatchSignal.EventLane(subscription.Name);

    public int MaxConcurrency => subscription.Options.MaxConcurrency;

    public Task<IReadOnlyList<EventLease>> ClaimAsync(string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        store.ClaimAsync(subscription.Name, owner, max, now, leaseFor, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => store.NextDueAsync(subscription.Name, cancellationToken);

    public string KeyOf(EventLease lease) => lease.Event.Id;

    public Task RunAsync(EventLease lease, CancellationToken hardStop) => runner.RunAsync(subscription, lease, hardStop);
}
