using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Auth;

/// <summary>Revoking an API key, alike from the CLI and the console: the store's row and one audit entry.</summary>
internal static class KeyRevocation
{
    /// <summary>
    /// Revokes <paramref name="id"/> by <paramref name="actor"/>. Null when there is no such key. A key revoked before
    /// keeps its first revocation and adds no audit entry.
    /// </summary>
    public static async Task<ApiKeyRevocation?> RevokeAsync(
        IKeyStore keys, IAuditLog audit, string id, string actor, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var result = await keys.RevokeAsync(id, actor, now, cancellationToken);
        if (result is { Revoked: true, Key: var key })
        {
            await audit.AppendAsync(new AuditEntry(now, actor, "key.revoked", null, null, null, null, $"key {key.Id} '{key.Name}'"), cancellationToken);
        }

        return result;
    }
}
