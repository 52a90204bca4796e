using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// The events queue (<c>events</c>, <c>event_deliveries</c>): claims under fenced leases for the subscriptions' lanes,
/// listing and replay for operators. Events themselves are written by <see cref="EventLog"/> inside the item and
/// delivery stores' transactions.
/// </summary>
internal sealed class EventStore(IStoreDatabase database) : IEventStore
{
    /// <summary>Events a replay reads per statement.</summary>
    private const int ReplayBatch = 500;

    private readonly IStoreDatabase _db = RowMaps.Over(database);

    /// <inheritdoc/>
    /// <remarks>No room (<paramref name="max"/> ≤ 0) claims nothing: SQLite would read LIMIT -1 as no limit at all.</remarks>
    public Task<IReadOnlyList<EventLease>> ClaimAsync(
        string subscription, string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken) =>
        max <= 0 ? Task.FromResult<IReadOnlyList<EventLease>>([]) : _db.WriteAsync<IReadOnlyList<EventLease>>(async s =>
        {
            var expiresAt = now + leaseFor;
            var rows = await s.QueryAsync<EventClaimRow>("Events.Claim", new
            {
                subscription,
                owner,
                max,
                now = UnixMs.From(now),
                expiresAt = UnixMs.From(expiresAt),
            });
            var leases = new List<EventLease>(rows.Count);
            foreach (var row in rows.OrderBy(r => r.EventSeq))
            {
                var stored = await s.QueryFirstOrDefaultAsync<EventRow>("Events.Get", new { seq = row.EventSeq });
                leases.Add(new EventLease(
                    stored!.ToEvent(), row.Subscription, checked((int)row.Attempts), checked((int)row.RetryBase), row.LastError, owner,
                    row.LeaseToken, expiresAt));
            }

            return leases;
        }, cancellationToken);

    public Task<DateTimeOffset?> NextDueAsync(string subscription, CancellationToken cancellationToken) =>
        _db.ReadAsync(async s => UnixMs.To(await s.QueryFirstOrDefaultAsync<long?>("Events.NextDue", new { subscription })), cancellationToken);

    public async Task<bool> RenewAsync(EventLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Events.Renew", new { subscription = lease.Subscription, seq = lease.Event.Sequence, token = lease.Token, until = UnixMs.From(until) }), cancellationToken) > 0;

    public async Task<bool> CompleteAsync(EventLease lease, EventTryResult result, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Events.Complete", new
        {
            subscription = lease.Subscription,
            seq = lease.Event.Sequence,
            token = lease.Token,
            status = EventWireNames.Of(result.Status),
            attempts = result.Attempts,
            nextAttemptAt = UnixMs.From(result.NextAttemptAt),
            lastError = result.LastError,
            code = result.Code,
            now = UnixMs.From(result.Now),
            deliveredAt = result.Status == EventDeliveryStatus.Succeeded ? UnixMs.From(result.Now) : (long?)null,
        }), cancellationToken) > 0;

    public Task ReleaseAsync(EventLease lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        _db.WriteAsync(s => s.ExecuteAsync("Events.Release", new { subscription = lease.Subscription, seq = lease.Event.Sequence, token = lease.Token, now = UnixMs.From(now) }), cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Each filter has the script whose index finds its rows: one item's events by the item, failures by the failed
    /// rows' index, the rest by walking the newest events down to the limit.
    /// </remarks>
    public async Task<IReadOnlyList<EventDeliveryRecord>> ListAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var script = query.ItemId is not null ? "Events.ListForItem" : query.FailedOnly ? "Events.ListFailed" : "Events.List";
        var rows = await _db.ReadAsync(s => s.QueryAsync<EventListRow>(script, new
        {
            subscription = query.Subscription,
            failedOnly = query.FailedOnly ? 1 : 0,
            itemId = query.ItemId,
            limit = query.Limit,
        }), cancellationToken);
        return [.. rows.Select(r => r.ToRecord())];
    }

    public async Task<EventCounts> CountAsync(string subscription, CancellationToken cancellationToken)
    {
        var row = await _db.ReadAsync(s => s.QueryFirstOrDefaultAsync<EventCountsRow>("Events.Counts", new { subscription }), cancellationToken);
        return new EventCounts(checked((int)row!.Pending), checked((int)row.Failed), UnixMs.To(row.LastDeliveredAt));
    }

    /// <inheritdoc/>
    /// <remarks>In batches of <see cref="ReplayBatch"/> events, each batch its own transaction.</remarks>
    public async Task<IReadOnlyDictionary<string, int>> ReplayAsync(EventReplay replay, CancellationToken cancellationToken)
    {
        var queued = replay.Subscriptions.ToDictionary(s => s.Name, _ => 0, StringComparer.Ordinal);
        var after = 0L;
        var since = UnixMs.From(replay.Since);
        var now = UnixMs.From(replay.Now);
        while (true)
        {
            var last = await _db.WriteAsync(async s =>
            {
                var batch = await s.QueryAsync<ReplayCandidateRow>("Events.ReplayCandidates", new { since, after, batch = ReplayBatch });
                foreach (var row in batch)
                {
                    var channels = StorageJson.DeserializeStrings(row.Channels);
                    foreach (var subscription in replay.Subscriptions.Where(x => x.Takes(row.Type, channels)))
                    {
                        queued[subscription.Name] += await s.ExecuteAsync("Events.Replay", new { subscription = subscription.Name, seq = row.Seq, now });
                    }
                }

                return batch.Count == 0 ? (long?)null : batch[^1].Seq;
            }, cancellationToken);
            if (last is not { } seq)
            {
                return queued;
            }

            after = seq;
        }
    }
}
