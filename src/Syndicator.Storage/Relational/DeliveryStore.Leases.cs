using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>The dispatcher's side: claims under fenced leases and the writes made under them.</summary>
internal sealed partial class DeliveryStore
{
    /// <inheritdoc/>
    /// <remarks>
    /// One statement picks and leases (<c>FOR UPDATE SKIP LOCKED</c>, so concurrent claimers on any node never take
    /// the same row and never wait for each other): due confirmations first, then the other due deliveries, each in
    /// order of (due time, creation). The returned delivery is the row as claimed (status in progress), with its new
    /// fencing token; a second statement in the same transaction reads each one's revision and live placement.
    /// </remarks>
    public async Task<IReadOnlyList<DeliveryLease>> ClaimAsync(
        string channel, string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var expiresAt = now + leaseFor;
        var (rows, contexts) = await _db.WriteAsync(async s =>
        {
            var claimed = await s.QueryAsync<DeliveryRow>("Leases.Claim", new
            {
                channel,
                owner,
                max,
                now = UnixMs.From(now),
                expiresAt = UnixMs.From(expiresAt),
            });
            var context = claimed.Count == 0
                ? []
                : await s.QueryAsync<ClaimContextRow>("Leases.Context", new { ids = s.IdList([.. claimed.Select(r => r.Id)]) });
            return (claimed, context);
        }, cancellationToken);

        // Decoded after the commit, outside the write transaction. RETURNING gives rows in no particular order.
        var with = contexts.ToDictionary(c => c.DeliveryId, StringComparer.Ordinal);
        return [.. rows
            .OrderBy(r => r.NextAttemptAt)
            .ThenBy(r => r.Seq)
            .Select(r =>
            {
                var delivery = r.ToDelivery();
                return new DeliveryLease(delivery, owner, r.LeaseToken, UnixMs.To(r.LeaseExpiresAt) ?? expiresAt)
                {
                    With = with.TryGetValue(r.Id, out var c) ? c.ToClaimedWith(delivery) : new ClaimedWith(null, null),
                };
            })];
    }

    public async Task<DateTimeOffset?> NextDueAsync(string channel, CancellationToken cancellationToken) =>
        UnixMs.To(await _db.ReadAsync(s => s.ScalarAsync<long?>("Leases.NextDue", new { channel }), cancellationToken));

    public async Task<bool> RenewAsync(DeliveryLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Leases.Renew", new
        {
            id = lease.Delivery.Id,
            token = lease.Token,
            until = UnixMs.From(until),
        }), cancellationToken) == 1;

    public async Task<bool> SaveCheckpointAsync(
        DeliveryLease lease, Checkpoint checkpoint, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Leases.SaveCheckpoint", new
        {
            id = lease.Delivery.Id,
            token = lease.Token,
            checkpoint = checkpoint.ToJson(),
            now = UnixMs.From(now),
        }), cancellationToken) == 1;

    /// <inheritdoc/>
    /// <remarks>
    /// The delivery takes the transition's status, attempts, next attempt and last error and the result's operation;
    /// remote id and URL are kept when the transition names none. The lease is cleared, its token kept.
    /// </remarks>
    public Task<bool> CompleteAsync(DeliveryLease lease, TryResult result, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            // With events recorded, a completion reads what else of the item is live (item.live, item.withdrawn): the
            // item's lock, taken first as intake and the commands take it, makes two completions of one item read in
            // turn, so the one that makes the item live everywhere sees the other's placement (PostgreSQL; SQLite has
            // one writer).
            if (_routes.Recording)
            {
                await s.LockItemAsync(lease.Delivery.ItemId);
            }

            var t = result.Transition;
            var now = UnixMs.From(result.Now);
            var changed = await s.ExecuteAsync("Leases.Complete", new
            {
                id = lease.Delivery.Id,
                token = lease.Token,
                status = WireNames.Of(t.Status),
                operation = WireNames.Of(result.Operation),
                attempts = t.Attempts,
                nextAttemptAt = UnixMs.From(t.NextAttemptAt),
                lastError = t.LastError,
                remoteId = t.RemoteId,
                url = Rows.FromUri(t.Url),
                checkpoint = result.Checkpoint?.ToJson(),
                now,
            });
            if (changed == 0)
            {
                return false;
            }

            var a = result.Attempt;
            await s.ExecuteAsync("Attempts.Insert", new
            {
                deliveryId = lease.Delivery.Id,
                number = a.Number,
                startedAt = UnixMs.From(a.StartedAt),
                endedAt = UnixMs.From(a.EndedAt),
                outcome = a.Outcome,
                code = a.Code,
                message = a.Message,
            });
            var ended = lease.Delivery with { Operation = result.Operation, Attempts = t.Attempts };
            var wasLive = await WasLiveAsync(s, ended, t.Status);
            if (t.Status == DeliveryStatus.Succeeded)
            {
                await PlaceAsync(s, ended, now);
            }

            await EventLog.DeliveryEndedAsync(s, _routes, ended, t.Status, t.Url ?? ended.Url, t.RemoteId ?? ended.RemoteId, t.LastError, result.Now, wasLive);

            if (result.Audit is { } entry)
            {
                await AuditTrail.AppendAsync(s, entry);
            }

            return true;
        }, cancellationToken);

    public Task ReleaseAsync(DeliveryLease lease, DateTimeOffset now, CancellationToken cancellationToken) =>
        _db.WriteAsync(s => s.ExecuteAsync("Leases.Release", new
        {
            id = lease.Delivery.Id,
            token = lease.Token,
            now = UnixMs.From(now),
        }), cancellationToken);
}
