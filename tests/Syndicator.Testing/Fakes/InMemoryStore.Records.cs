using Syndicator.Core.Compliance;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>What the store keeps beside items and deliveries: keys, the audit trail, shared channel state, compliance findings, the key ring.</summary>
public sealed partial class InMemoryStore : IKeyStore, IAuditLog, IStoreLifecycle, IChannelStateStore, IComplianceStore, IDataProtectionKeyStore
{
    private readonly List<(ApiKeyRecord Key, DateTimeOffset? RevokedAt, string? RevokedBy)> _keys = [];
    private readonly InMemoryChannelStateStore _channelState = new();
    private readonly Dictionary<(string ItemId, int Revision), ComplianceRecord> _compliance = [];
    private readonly List<(string Name, string Xml, DateTimeOffset CreatedAt)> _keyRing = [];

    private volatile bool _migrated;

    /// <summary>Nothing to apply; the store is ready from now on (as a real one after its migrations).</summary>
    public Task MigrateAsync(CancellationToken cancellationToken)
    {
        _migrated = true;
        return Task.CompletedTask;
    }

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) => Task.FromResult(_migrated);

    public Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_keys.Exists(k => k.Key.Id == key.Id || k.Key.Hash == key.Hash))
            {
                throw new InvalidOperationException($"A key with id {key.Id} or its hash exists.");
            }

            _keys.Add((key, null, null));
            return Task.CompletedTask;
        }
    }

    public Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<ApiKeyRecord?>(_keys.Find(k => k.Key.Hash == hash && k.RevokedAt is null).Key);
        }
    }

    public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ApiKeyInfo> keys = [.. _keys.OrderBy(k => k.Key.CreatedAt).ThenBy(k => k.Key.Id, StringComparer.Ordinal).Select(Info)];
            return Task.FromResult(keys);
        }
    }

    public Task<ApiKeyRevocation?> RevokeAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(by);
        lock (_gate)
        {
            var index = _keys.FindIndex(k => k.Key.Id == id);
            if (index < 0)
            {
                return Task.FromResult<ApiKeyRevocation?>(null);
            }

            var revoked = _keys[index].RevokedAt is null;
            if (revoked)
            {
                _keys[index] = (_keys[index].Key, at, by);
            }

            return Task.FromResult<ApiKeyRevocation?>(new ApiKeyRevocation(Info(_keys[index]), revoked));
        }
    }

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _audit.Add(entry);
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Newest first; of two at the same instant, the later written first (as the stores order by their row id).
            IReadOnlyList<AuditEntry> entries = [.. _audit.Select((e, i) => (e, i))
                .Where(x => itemId is null || x.e.ItemId == itemId)
                .OrderByDescending(x => x.e.At).ThenByDescending(x => x.i)
                .Take(limit)
                .Select(x => x.e)];
            return Task.FromResult(entries);
        }
    }

    public Task<ChannelState?> GetAsync(string channel, string key, CancellationToken cancellationToken) =>
        _channelState.GetAsync(channel, key, cancellationToken);

    public Task<bool> TryPutAsync(
        string channel, string key, string value, DateTimeOffset? expiresAt, long expectedVersion, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        _channelState.TryPutAsync(channel, key, value, expiresAt, expectedVersion, now, cancellationToken);

    public Task<bool> RecordComplianceAsync(
        string itemId, int revision, ComplianceReport report, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_compliance.TryAdd((itemId, revision), new ComplianceRecord(itemId, revision, at, report)))
            {
                return Task.FromResult(false);
            }

            var detail = $"revision {revision}: " + string.Join("; ",
                report.Findings.Select(f => f.Place is null ? $"{f.Rule} in {f.Field}" : $"{f.Rule} in {f.Field} ({f.Place})")
                    .Concat(report.Notes.Select(n => $"not checked: {n.Field}")));
            _audit.Add(new AuditEntry(at, actor, "compliance.flagged", itemId, null, null, null, detail));
            return Task.FromResult(true);
        }
    }

    public Task<ComplianceRecord?> GetComplianceAsync(string itemId, int revision, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_compliance.GetValueOrDefault((itemId, revision)));
        }
    }

    public Task<IReadOnlyList<string>> ListKeyRingAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> xml = [.. _keyRing.OrderBy(k => k.CreatedAt).ThenBy(k => k.Name, StringComparer.Ordinal).Select(k => k.Xml)];
            return Task.FromResult(xml);
        }
    }

    public Task AddKeyAsync(string name, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_keyRing.Exists(k => k.Name == name))
            {
                _keyRing.Add((name, xml, createdAt));
            }

            return Task.CompletedTask;
        }
    }

    private static ApiKeyInfo Info((ApiKeyRecord Key, DateTimeOffset? RevokedAt, string? RevokedBy) k) =>
        new(k.Key.Id, k.Key.Name, k.Key.Scopes, k.Key.CreatedAt, k.RevokedAt, k.RevokedBy);
}
