using Syndicator.Core.Deliveries;

namespace Syndicator.Core.Storage;

/// <summary>API keys: only their SHA-256 hashes are stored.</summary>
public interface IKeyStore
{
    Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The active key with this hash; null when none.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken);
}

/// <summary>A stored API key. <see cref="Scopes"/> are <c>submit</c>, <c>operate</c>, <c>read</c>.</summary>
public sealed record ApiKeyRecord(string Id, string Name, string Hash, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

/// <summary>The append-only audit trail.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first, for one item or for all.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? itemId, int limit, CancellationToken cancellationToken);
}

/// <summary>The store's own life: schema migrations and readiness.</summary>
public interface IStoreLifecycle
{
    /// <summary>Applies pending numbered migrations; idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>True when the store answers and every migration is applied.</summary>
    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
