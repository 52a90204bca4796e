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
}
