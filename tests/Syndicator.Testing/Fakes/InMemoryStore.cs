using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>
/// Items and deliveries in memory, for dispatcher tests. It keeps the rules of the store contract the dispatcher
/// depends on, as the SQLite store does: acceptance supersedes pending sends and queues one delivery per channel;
/// claims take due deliveries in (next attempt, sequence) order and never one behind an active earlier delivery of the
/// same item and channel; every claim moves the lease token and writes under an old token change nothing; attempts and
/// audit entries are only appended; a success places (or, for a withdraw, removes) the item.
/// Operator commands, keys, the audit trail, channel state, compliance findings, health checks, tracking and the
/// statistics follow the relational store too: the store conformance suite runs on this class
/// (<c>InMemoryStoreTests</c>). Users are not kept here (<c>UserStoreConformanceTests</c> runs on the real stores only).
/// </summary>
public sealed partial class InMemoryStore : IItemStore, IDeliveryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string ItemId, int Revision), ItemRevision> _revisions = [];
    private readonly List<Row> _rows = [];
    private readonly List<Attempt> _attempts = [];
    private readonly Dictionary<(string ItemId, string Channel), Placement> _placements = [];
    private readonly Dictionary<string, string> _indexNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _indexCounters = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _audit = [];
    private long _sequence;

    /// <summary>The audit trail so far, oldest first.</summary>
    public IReadOnlyList<AuditEntry> Audit
    {
        get
        {
            lock (_gate)
            {
                return [.. _audit];
            }
        }
    }

    /// <summary>Another worker claims <paramref name="deliveryId"/>: the lease token moves on, fencing out the current holder.</summary>
    public void TakeOver(string deliveryId, DateTimeOffset until)
    {
        lock (_gate)
        {
            var row = Find(deliveryId) ?? throw new InvalidOperationException($"No delivery {deliveryId}.");
            row.Token++;
            row.Owner = "another-worker";
            row.LeaseExpiresAt = until;
            row.Delivery = row.Delivery with { Status = DeliveryStatus.InProgress };
        }
    }

    public Task<AcceptOutcome> AcceptAsync(ItemRevision item, string actor, CancellationToken cancellationToken) =>
        AcceptAsync(item, actor, null, cancellationToken);

    public Task<AcceptOutcome> AcceptAsync(ItemRevision item, string actor, IndexNumberScheme? index, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var latest = LatestRevision(item.Id);
            if (_revisions.TryGetValue((item.Id, item.Revision), out var existing))
            {
                var kind = existing.ContentHash == item.ContentHash ? AcceptKind.Replayed : AcceptKind.Conflict;
                return Task.FromResult(new AcceptOutcome(kind, latest) { Record = kind == AcceptKind.Replayed ? RecordOf(item.Id) : null });
            }

            if (latest > item.Revision)
            {
                return Task.FromResult(new AcceptOutcome(AcceptKind.Stale, latest));
            }

            var (number, refused) = SettleIndexNumber(item, index);
            if (refused is not null)
            {
                return Task.FromResult(new AcceptOutcome(refused.Value, latest, number));
            }

            item = item with { IndexNumber = number };
            _revisions[(item.Id, item.Revision)] = item;
            var channels = item.Channels.Distinct(StringComparer.Ordinal).ToList();
            foreach (var channel in channels)
            {
                var carried = Supersede(item.Id, channel, item.AcceptedAt, withdrawing: false);
                var operation = SendOperation(item.Id, channel);
                Queue(item.Id, item.Revision, channel, operation, item.PublishAt ?? item.AcceptedAt, null, item.AcceptedAt,
                    operation == DeliveryOperation.Publish ? carried : null);
            }

            _audit.Add(new AuditEntry(item.AcceptedAt, actor, "item.accepted", item.Id, null, null, null, $"revision {item.Revision} → {string.Join(", ", channels)}"));
            return Task.FromResult(new AcceptOutcome(AcceptKind.Accepted, item.Revision, number) { Record = RecordOf(item.Id) });
        }
    }

    Task<ItemRecord?> IItemStore.GetAsync(string itemId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(RecordOf(itemId));
        }
    }

    public Task<IReadOnlyList<ItemRecord>> ListAsync(ItemQuery query, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ItemRecord> records = [.. _revisions.Keys.Select(k => k.ItemId).Distinct(StringComparer.Ordinal)
                .Select(id => RecordOf(id)!)
                .Where(r => query.Category is null || r.Category == query.Category)
                .Where(r => query.Channel is null || r.Deliveries.Any(d => d.Channel == query.Channel))
                .Where(r => query.Since is null || r.AcceptedAt >= query.Since)
                .Where(r => query.Status is null || r.Status == query.Status)
                .OrderByDescending(r => r.AcceptedAt)
                .ThenByDescending(r => r.Id, StringComparer.Ordinal)
                .Take(query.Limit)];
            return Task.FromResult(records);
        }
    }

    public Task<ItemRevision?> GetRevisionAsync(string itemId, int revision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_revisions.GetValueOrDefault((itemId, revision)));
        }
    }

    /// <summary>The store contract's 索引号 rules, in memory (callers hold the gate).</summary>
    private (string? Number, AcceptKind? Refused) SettleIndexNumber(ItemRevision item, IndexNumberScheme? index)
    {
        if (_indexNumbers.TryGetValue(item.Id, out var held))
        {
            return item.IndexNumber is null || item.IndexNumber == held ? (held, null) : (held, AcceptKind.IndexNumberChanged);
        }

        if (item.IndexNumber is { } brought)
        {
            if (_indexNumbers.ContainsValue(brought))
            {
                return (brought, AcceptKind.IndexNumberTaken);
            }

            _indexNumbers[item.Id] = brought;
            return (brought, null);
        }

        if (index is null)
        {
            return (null, null);
        }

        var year = IndexNumberScheme.YearOf(item.AcceptedAt);
        string number;
        do
        {
            var counter = index.CounterOf(year);
            _indexCounters[counter] = _indexCounters.GetValueOrDefault(counter) + 1;
            number = index.Format(year, _indexCounters[counter]);
        }
        while (_indexNumbers.ContainsValue(number));

        _indexNumbers[item.Id] = number;
        return (number, null);
    }

    private int LatestRevision(string itemId) =>
        _revisions.Keys.Where(k => k.ItemId == itemId).Select(k => k.Revision).DefaultIfEmpty(0).Max();

    private ItemRecord? RecordOf(string itemId)
    {
        var latest = LatestRevision(itemId);
        if (latest == 0)
        {
            return null;
        }

        var item = _revisions[(itemId, latest)];
        var deliveries = _rows.Where(r => r.Delivery.ItemId == itemId).Select(r => r.Delivery).OrderBy(d => d.Sequence).ToList();
        return new ItemRecord(item.Id, item.Revision, item.Title, item.Category, _indexNumbers.GetValueOrDefault(itemId), item.AcceptedAt, deliveries);
    }

    private Row? Find(string deliveryId) => _rows.Find(r => r.Delivery.Id == deliveryId);

    /// <summary>A delivery row with its lease, as the store keeps it.</summary>
    private sealed class Row(Delivery delivery)
    {
        public Delivery Delivery { get; set; } = delivery;

        public long Token { get; set; }

        public string? Owner { get; set; }

        public DateTimeOffset? LeaseExpiresAt { get; set; }

        public bool IsActive => Delivery.Status is DeliveryStatus.Pending or DeliveryStatus.InProgress or DeliveryStatus.AwaitingConfirmation;

        public bool Is(string itemId, string channel) => Delivery.ItemId == itemId && Delivery.Channel == channel;
    }
}
