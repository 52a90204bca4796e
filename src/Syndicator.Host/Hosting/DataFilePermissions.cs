using Microsoft.Data.Sqlite;
using Syndicator.Storage;

namespace Syndicator.Host.Hosting;

/// <summary>
/// The SQLite data folder readable by the service's user alone (0700) and the database with its <c>-wal</c> and
/// <c>-shm</c> files likewise (0600): the database holds API key hashes, password hashes, the Data Protection key ring
/// and encrypted channel secrets. The store creates a missing folder 0700 and database file 0600 before SQLite opens
/// it (SQLite gives its <c>-wal</c> and <c>-shm</c> files the database's mode); here, existing ones with wider modes
/// (from an older version, a copy, a restore) are narrowed, with a log line. Runs before the migrations (hosted services start in order). Nothing to do on Windows or PostgreSQL.
/// </summary>
internal sealed class DataFilePermissions(StorageOptions storage, ILogger<DataFilePermissions> logger) : IHostedService
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows() || DatabasePath(storage) is not { } database)
        {
            return Task.CompletedTask;
        }

        var folder = Path.GetDirectoryName(database)!;
        Narrow(folder, Folder);
        foreach (var path in new[] { database, database + "-wal", database + "-shm", database + "-journal" })
        {
            if (System.IO.File.Exists(path))
            {
                Narrow(path, File);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The SQLite database file, or null for PostgreSQL or an in-memory database.</summary>
    internal static string? DatabasePath(StorageOptions storage)
    {
        if (!string.Equals(storage.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            return Path.Combine(Path.GetFullPath(storage.DataDirectory), "syndicator.db");
        }

        var source = new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(source);
    }

    private void Narrow(string path, UnixFileMode wanted)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
        {
            return;
        }

        var mode = System.IO.File.GetUnixFileMode(path);
        if ((mode & ~wanted) != 0)
        {
            System.IO.File.SetUnixFileMode(path, mode & wanted);
            Log.ModeNarrowed(logger, path, Octal(mode), Octal(mode & wanted));
        }
    }

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
