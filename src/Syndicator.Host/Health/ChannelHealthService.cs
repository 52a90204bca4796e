using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Health;

/// <summary>
/// Channel health for everything that asks: runs a channel's health check, stores it with its history
/// (<see cref="IHealthCheckStore"/>) and raises an alert when the channel's state changed. The scheduled job, the API
/// (<c>GET /api/channels</c>, <c>POST /api/channels/{channel}/check</c>, <c>GET /api/channels/{channel}/checks</c>)
/// and the console all go through it, so they all see the same stored checks.
/// </summary>
internal sealed class ChannelHealthService
{
    private readonly ChannelCatalogue _catalogue;
    private readonly ConnectorRegistry _connectors;
    private readonly IHealthCheckStore _store;
    private readonly HealthAlerting _alerting;
    private readonly HealthOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelHealthService> _logger;

    public ChannelHealthService(
        ChannelCatalogue catalogue, ConnectorRegistry connectors, IHealthCheckStore store, HealthAlerting alerting,
        IOptions<HealthOptions> options, TimeProvider time, ILogger<ChannelHealthService> logger)
    {
        _catalogue = catalogue;
        _connectors = connectors;
        _store = store;
        _alerting = alerting;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The latest stored check of <paramref name="channel"/>, whichever node made it; null when never checked.</summary>
    public Task<HealthCheck?> LatestAsync(string channel, CancellationToken cancellationToken) => _store.LatestAsync(channel, cancellationToken);

    /// <summary>The most recent <paramref name="limit"/> stored checks of <paramref name="channel"/>, newest first.</summary>
    public Task<IReadOnlyList<HealthCheck>> HistoryAsync(string channel, int limit, CancellationToken cancellationToken) =>
        _store.HistoryAsync(channel, limit, cancellationToken);

    /// <summary>
    /// Checks <paramref name="channel"/> now (it must be configured), stores the result and alerts on a change.
    /// A check that throws or overruns <see cref="HealthOptions.CheckTimeout"/> is recorded as unhealthy.
    /// <paramref name="scheduledFor"/> is the scheduled run's fire time; null for a check asked for by hand.
    /// </summary>
    public async Task<HealthCheck> CheckAsync(string channel, DateTimeOffset? scheduledFor, CancellationToken cancellationToken)
    {
        var health = await RunCheckAsync(channel, cancellationToken);
        var check = new HealthCheck(channel, health.Status, (long)health.Latency.TotalMilliseconds, health.Detail, _time.GetUtcNow(), NodeName.Current)
        {
            ScheduledFor = scheduledFor,
            Quota = health.Quota,
        };
        await _store.RecordAsync(check, cancellationToken);
        await _alerting.OnCheckedAsync(check, cancellationToken);
        return check;
    }

    /// <summary>
    /// One scheduled run: every enabled channel checked at once, each on its own (one failing or hanging never
    /// stops another), then the backlog alerts, then pruning of checks older than <see cref="HealthOptions.KeepFor"/>.
    /// </summary>
    public async Task RunScheduledAsync(DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        await Task.WhenAll(_catalogue.EnabledChannels.Select(c => CheckOneAsync(c.Id, scheduledFor, cancellationToken)));
        await _alerting.CheckBacklogsAsync(cancellationToken);
        var pruned = await _store.PruneAsync(_time.GetUtcNow() - _options.KeepFor, cancellationToken);
        Log.HealthRunDone(_logger, scheduledFor, pruned);
    }

    private async Task CheckOneAsync(string channel, DateTimeOffset scheduledFor, CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(channel, scheduledFor, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store failed: this channel's check is lost for this run; the next run tries again.
            Log.HealthCheckFailed(_logger, ex, channel);
        }
    }

    private async Task<ChannelHealth> RunCheckAsync(string channel, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var limit = new CancellationTokenSource(_options.CheckTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            return await _connectors.For(channel).CheckHealthAsync(linked.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ChannelHealth(ChannelHealthStatus.Unhealthy,
                $"检查超时 the check took longer than {_options.CheckTimeout.TotalSeconds:0} s (Health:CheckTimeout) and was cut off.",
                _time.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's message is not repeated: it may quote a URL or a setting.
            Log.HealthCheckThrew(_logger, ex, channel);
            return new ChannelHealth(ChannelHealthStatus.Unhealthy, $"检查异常 the check failed unexpectedly ({ex.GetType().Name}); see the service log.",
                _time.GetElapsedTime(started));
        }
    }
}
