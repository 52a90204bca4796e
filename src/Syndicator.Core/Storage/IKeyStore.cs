using Syndicator.Core.Deliveries;

namespace Syndicator.Core.Storage;

/// <summary>API keys: only their SHA-256 hashes are stored.</summary>
public interface IKeyStore
{
    Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The active key with this hash; null when none (a revoked key is none).</summary>
    Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones included, oldest first; never their hashes.</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Revokes the key with <paramref name="id"/> at <paramref name="at"/> by <paramref name="by"/>. A key revoked before
    /// keeps its first revocation. Null when there is no such key; else the key as it now stands, and whether this call
    /// revoked it.
    /// </summary>
    Task<ApiKeyRevocation?> RevokeAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>A stored API key. <see cref="Scopes"/> are <c>submit</c>, <c>operate</c>, <c>read</c>.</summary>
public sealed record ApiKeyRecord(string Id, string Name, string Hash, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt);

/// <summary>An API key as people see it: no hash. <see cref="RevokedAt"/> is set once it is revoked.</summary>
public sealed record ApiKeyInfo(
    string Id, string Name, IReadOnlyList<string> Scopes, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, string? RevokedBy);

/// <summary>A key after a revocation: <see cref="Revoked"/> is false when it had been revoked before.</summary>
public sealed record ApiKeyRevocation(ApiKeyInfo Key, bool Revoked);

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
