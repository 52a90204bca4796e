using Syndicator.Core.Channels;

namespace Syndicator.Core.Storage;

/// <summary>
/// Channel health checks with their history, shared by every node: the scheduled checks and the ones asked for by
/// hand (<c>POST /api/channels/{channel}/check</c>, the console's "check now") are all recorded here, so every node
/// shows the same latest health and the history survives restarts.
/// </summary>
public interface IHealthCheckStore
{
    /// <summary>Appends one check. Rows are only ever inserted (and pruned when old).</summary>
    Task RecordAsync(HealthCheck check, CancellationToken cancellationToken);

    /// <summary>The most recent check of <paramref name="channel"/> (by <see cref="HealthCheck.CheckedAt"/>); null when it was never checked.</summary>
    Task<HealthCheck?> LatestAsync(string channel, CancellationToken cancellationToken);

    /// <summary>The most recent <paramref name="limit"/> checks of <paramref name="channel"/>, newest first.</summary>
    Task<IReadOnlyList<HealthCheck>> HistoryAsync(string channel, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes every check made before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>One health check of one channel as stored.</summary>
/// <param name="Channel">The channel id.</param>
/// <param name="Status">What the connector found.</param>
/// <param name="LatencyMs">How long the check took, in milliseconds.</param>
/// <param name="Detail">The connector's explanation in plain words (never a secret).</param>
/// <param name="CheckedAt">When the check ended.</param>
/// <param name="Node">The node that ran it (host name and process id).</param>
public sealed record HealthCheck(
    string Channel, ChannelHealthStatus Status, long LatencyMs, string Detail, DateTimeOffset CheckedAt, string Node)
{
    /// <summary>The scheduled run this check belongs to (its fire time); null for a check asked for by hand.</summary>
    public DateTimeOffset? ScheduledFor { get; init; }

    /// <summary>Remaining quota where the platform reports it.</summary>
    public IReadOnlyDictionary<string, long>? Quota { get; init; }
}
