using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>The dispatcher's side: claims under fenced leases and the writes made under them.</summary>
public sealed partial class InMemoryStore
{
    public Task<IReadOnlyList<DeliveryLease>> ClaimAsync(
        string channel, string owner, int max, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var due = _rows
                .Where(r => r.Delivery.Channel == channel && r.IsActive && !IsBlocked(r))
                .Where(r => r.Delivery.Status == DeliveryStatus.InProgress ? r.LeaseExpiresAt < now : r.Delivery.NextAttemptAt <= now)
                .OrderBy(r => r.Delivery.Status switch { DeliveryStatus.AwaitingConfirmation => 0, DeliveryStatus.InProgress => 1, _ => 2 })
                .ThenBy(r => r.Delivery.Status == DeliveryStatus.InProgress ? r.LeaseExpiresAt : r.Delivery.NextAttemptAt)
                .ThenBy(r => r.Delivery.Sequence)
                .Take(Math.Max(max, 0))
                .ToList();
            IReadOnlyList<DeliveryLease> leases = [.. due.Select(r =>
            {
                r.Token++;
                r.Owner = owner;
                r.LeaseExpiresAt = now + leaseFor;
                var crashes = r.Delivery.Crashes + (r.Delivery.Status == DeliveryStatus.InProgress ? 1 : 0);
                r.Delivery = r.Delivery with { Status = DeliveryStatus.InProgress, Crashes = crashes, UpdatedAt = now };
                return new DeliveryLease(r.Delivery, owner, r.Token, now + leaseFor)
                {
                    With = new ClaimedWith(
                        _revisions.GetValueOrDefault((r.Delivery.ItemId, r.Delivery.Revision)),
                        _placements.GetValueOrDefault((r.Delivery.ItemId, r.Delivery.Channel))),
                };
            })];
            return Task.FromResult(leases);
        }
    }

    public Task<DateTimeOffset?> NextDueAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var next = _rows
                .Where(r => r.Delivery.Channel == channel && r.IsActive && !IsBlocked(r))
                .Select(r => r.Delivery.Status == DeliveryStatus.InProgress ? r.LeaseExpiresAt : r.Delivery.NextAttemptAt)
                .Min();
            return Task.FromResult(next);
        }
    }

    public Task<bool> RenewAsync(DeliveryLease lease, DateTimeOffset until, CancellationToken cancellationToken) =>
        Task.FromResult(UnderLease(lease, r => r.LeaseExpiresAt = until));

    public Task<bool> SaveCheckpointAsync(DeliveryLease lease, Checkpoint checkpoint, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(UnderLease(lease, r => r.Delivery = r.Delivery with { Checkpoint = checkpoint, UpdatedAt = now }));

    public Task<bool> CompleteAsync(DeliveryLease lease, TryResult result, CancellationToken cancellationToken) =>
        Task.FromResult(UnderLease(lease, r =>
        {
            var t = result.Transition;
            r.Owner = null;
            r.LeaseExpiresAt = null;
            r.Delivery = r.Delivery with
            {
                Status = t.Status,
                Operation = result.Operation,
                Attempts = t.Attempts,
                NextAttemptAt = t.NextAttemptAt,
                LastError = t.LastError,
                RemoteId = t.RemoteId ?? r.Delivery.RemoteId,
                Url = t.Url ?? r.Delivery.Url,
                Checkpoint = result.Checkpoint ?? r.Delivery.Checkpoint,
                UpdatedAt = result.Now,
            };
            _attempts.Add(result.Attempt);
            if (t.Status == DeliveryStatus.Succeeded)
            {
                Place(r.Delivery, result.Now);
            }

            if (result.Audit is { } entry)
            {
                _audit.Add(entry);
            }
        }));

    public Task ReleaseAsync(DeliveryLease lease, DateTimeOffset now, CancellationToken cancellationToken)
    {
        UnderLease(lease, r =>
        {
            r.Owner = null;
            r.LeaseExpiresAt = null;
            r.Delivery = r.Delivery with { Status = DeliveryStatus.Pending, NextAttemptAt = now, UpdatedAt = now };
        });
        return Task.CompletedTask;
    }

    Task<Delivery?> IDeliveryStore.GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(Find(deliveryId)?.Delivery);
        }
    }

    public Task<IReadOnlyList<Attempt>> GetAttemptsAsync(string deliveryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Attempt> attempts = [.. _attempts.Where(a => a.DeliveryId == deliveryId).OrderBy(a => a.Number)];
            return Task.FromResult(attempts);
        }
    }

    public Task<Placement?> GetPlacementAsync(string itemId, string channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_placements.GetValueOrDefault((itemId, channel)));
        }
    }

    public Task<ChannelCounts> CountAsync(string channel, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var rows = _rows.Where(r => r.Delivery.Channel == channel).Select(r => r.Delivery).ToList();
            var waiting = rows.Where(d => d.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress or DeliveryStatus.AwaitingConfirmation).ToList();
            var failed = rows.Count(d => d.Status is DeliveryStatus.Failed or DeliveryStatus.Unconfirmed
                && !rows.Any(e => e.ItemId == d.ItemId && e.Sequence > d.Sequence && e.Status != DeliveryStatus.Superseded));
            var lastSuccess = rows.Where(d => d.Status == DeliveryStatus.Succeeded).Select(d => (DateTimeOffset?)d.UpdatedAt).Max();
            return Task.FromResult(new ChannelCounts(waiting.Count, failed, waiting.Select(d => (DateTimeOffset?)d.CreatedAt).Min(), lastSuccess));
        }
    }

    /// <summary>Runs <paramref name="write"/> when the lease still holds (fencing); false, and nothing written, when it was lost.</summary>
    private bool UnderLease(DeliveryLease lease, Action<Row> write)
    {
        lock (_gate)
        {
            var row = Find(lease.Delivery.Id);
            if (row is null || row.Token != lease.Token || row.Delivery.Status != DeliveryStatus.InProgress)
            {
                return false;
            }

            write(row);
            return true;
        }
    }

    private bool IsBlocked(Row row) =>
        _rows.Any(e => e.Is(row.Delivery.ItemId, row.Delivery.Channel) && e.Delivery.Sequence < row.Delivery.Sequence && e.IsActive);

    private void Place(Delivery delivery, DateTimeOffset now)
    {
        var key = (delivery.ItemId, delivery.Channel);
        if (delivery.Operation == DeliveryOperation.Withdraw)
        {
            _placements.Remove(key);
            return;
        }

        var known = _placements.GetValueOrDefault(key);
        _placements[key] = new Placement(
            delivery.ItemId, delivery.Channel, delivery.Revision, delivery.RemoteId ?? known?.RemoteId ?? "", delivery.Url ?? known?.Url, now);
    }
}
