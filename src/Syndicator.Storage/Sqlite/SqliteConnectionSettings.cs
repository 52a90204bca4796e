namespace Syndicator.Storage.Sqlite;

/// <summary>How many long-lived connections the store keeps on its file, and each one's page cache.</summary>
/// <param name="Readers">Reader connections (reads wait for a free one rather than opening more).</param>
/// <param name="CacheKiB">Each connection's page cache, in KiB (<c>PRAGMA cache_size = -N</c>).</param>
internal sealed record SqliteConnectionSettings(int Readers, int CacheKiB)
{
    /// <summary>The defaults of <see cref="StorageOptions.SqliteReaders"/> and <see cref="StorageOptions.SqliteCacheKiB"/>.</summary>
    public static SqliteConnectionSettings Default { get; } = new(new StorageOptions().SqliteReaders, new StorageOptions().SqliteCacheKiB);
}
