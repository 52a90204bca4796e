using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Events;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Metrics;

/// <summary>
/// What <c>/metrics</c> shows from the store, read at scrape time but at most once per
/// <see cref="MetricsOptions.StoreReadSeconds"/>: scrapes inside that window, and scrapes that wait while a read is
/// under way, get the same reading, so scraping never reads the store more often than that (the counts are O(pending));
/// reads never overlap.
/// </summary>
internal sealed class StoreReadings(
    ChannelCatalogue catalogue, IDeliveryStore deliveries, IDeliveryStatistics statistics, IHealthCheckStore health,
    EventRoutes routes, IServiceProvider services, IOptions<MetricsOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StoreReading? _last;
    private long _readAt;

    /// <summary>The latest reading, read anew when it is older than the configured window.</summary>
    public async Task<StoreReading> GetAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is not null && time.GetElapsedTime(_readAt) < TimeSpan.FromSeconds(options.Value.StoreReadSeconds))
            {
                return _last;
            }

            _last = await ReadAsync(cancellationToken);
            _readAt = time.GetTimestamp();
            return _last;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<StoreReading> ReadAsync(CancellationToken cancellationToken)
    {
        var channels = new List<ChannelReading>();
        foreach (var channel in catalogue.Channels)
        {
            channels.Add(new ChannelReading(channel.Id,
                await deliveries.CountAsync(channel.Id, cancellationToken), await health.LatestAsync(channel.Id, cancellationToken)));
        }

        var byStatus = (await statistics.CountByChannelAndStatusAsync(cancellationToken))
            .ToDictionary(c => (c.Channel, c.Status), c => c.Count);
        var subscriptions = new List<(string, EventCounts)>();
        if (routes.Recording)
        {
            var events = services.GetRequiredService<IEventStore>();
            foreach (var subscription in routes.Subscriptions)
            {
                subscriptions.Add((subscription.Name, await events.CountAsync(subscription.Name, cancellationToken)));
            }
        }

        return new StoreReading(channels, byStatus) { Subscriptions = subscriptions };
    }
}

/// <summary>One read of the store: each configured channel's counts and latest check, and the deliveries by channel and status.</summary>
internal sealed record StoreReading(IReadOnlyList<ChannelReading> Channels, IReadOnlyDictionary<(string Channel, string Status), long> ByStatus)
{
    /// <summary>Each enabled event subscription's queue (none when no subscription is configured).</summary>
    public IReadOnlyList<(string Name, EventCounts Counts)> Subscriptions { get; init; } = [];
}

/// <summary>A channel's counts and its latest stored health check (null when never checked).</summary>
internal sealed record ChannelReading(string Id, ChannelCounts Counts, HealthCheck? Health);
