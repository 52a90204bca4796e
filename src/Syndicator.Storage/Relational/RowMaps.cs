using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Dapper's snake_case column maps for the shared row classes (<see cref="Rows.Register"/>), registered once per process
/// before any aggregate's first query: every aggregate takes its database through <see cref="Over"/>.
/// </summary>
internal static class RowMaps
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Rows.Register();
        return true;
    });

    /// <summary>Returns <paramref name="database"/>, the maps registered (the first call in the process registers them).</summary>
    public static IStoreDatabase Over(IStoreDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _ = Registered.Value;
        return database;
    }
}
