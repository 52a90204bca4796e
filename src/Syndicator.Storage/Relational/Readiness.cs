namespace Syndicator.Storage.Relational;

/// <summary>The readiness answer both providers give (<see cref="Syndicator.Core.Storage.IStoreLifecycle.IsReadyAsync"/>).</summary>
internal static class Readiness
{
    /// <summary>Ready: the database answers and every migration is applied. Any failure to find out reads as "no".</summary>
    public static async Task<bool> IsReadyAsync(IStoreDatabase database, Func<bool> migrationsApplied, CancellationToken cancellationToken)
    {
        try
        {
            await database.ReadAsync(s => s.QueryAsync<long>("Connection.Ping"), cancellationToken);
            return migrationsApplied();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
