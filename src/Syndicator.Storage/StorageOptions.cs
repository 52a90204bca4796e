using System.ComponentModel.DataAnnotations;

namespace Syndicator.Storage;

/// <summary>Where the store keeps its data (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>The database engine: <c>Sqlite</c> or <c>Postgres</c>. Default: <c>Sqlite</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>
    /// A full ADO.NET connection string for the provider. Default: null, which for SQLite means the file
    /// <c>syndicator.db</c> in <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The directory of the SQLite file when no <see cref="ConnectionString"/> is given; created when missing. Default: <c>./data</c>.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// SQLite: how many reader connections the store keeps open beside its one writer; a read waits for a free one
    /// rather than opening another. Default: 4 (1 to 64).
    /// </summary>
    [Range(1, 64)]
    public int SqliteReaders { get; set; } = 4;

    /// <summary>
    /// SQLite: each connection's page cache in KiB (<c>PRAGMA cache_size</c>); the store's caches together take at most
    /// (1 + <see cref="SqliteReaders"/>) times this. Default: 4096 (4 MiB; 256 to 262144).
    /// </summary>
    [Range(256, 262_144)]
    public int SqliteCacheKiB { get; set; } = 4096;

    /// <summary>
    /// PostgreSQL: most connections the store's pool opens to the server (Npgsql's <c>Maximum Pool Size</c>, replacing
    /// any given in <see cref="ConnectionString"/>); work beyond it waits for a free connection. At least 2: migrating
    /// holds one connection for its lock while applying the scripts on another. Default: 8 (2 to 200).
    /// </summary>
    [Range(2, 200)]
    public int PostgresMaxConnections { get; set; } = 8;
}
