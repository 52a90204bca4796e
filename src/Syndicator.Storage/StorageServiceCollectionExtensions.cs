using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Syndicator.Core.Storage;
using Syndicator.Storage.Postgres;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage;

/// <summary>Registers the store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>The file name of the SQLite database inside <see cref="StorageOptions.DataDirectory"/>.</summary>
    internal const string SqliteFileName = "syndicator.db";

    /// <summary>
    /// Registers the store: <see cref="IItemStore"/>, <see cref="IDeliveryStore"/>, <see cref="IKeyStore"/>,
    /// <see cref="IAuditLog"/>, <see cref="IUserStore"/>, <see cref="ITrackingStore"/>, <see cref="IHealthCheckStore"/>,
    /// <see cref="IDeliveryStatistics"/>, <see cref="IComplianceStore"/>, <see cref="IPublicationStatistics"/>,
    /// <see cref="IChannelStateStore"/>, <see cref="IDataProtectionKeyStore"/> and <see cref="IStoreLifecycle"/>, each
    /// resolved to its aggregate's singleton over the provider's one database. Call
    /// <see cref="IStoreLifecycle.MigrateAsync"/> at start-up before using it.
    /// </summary>
    public static IServiceCollection AddSyndicatorStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        // Decided here, not on first resolve: a bad provider, connection string or limit stops the service at start-up.
        if (Syndicator.Core.Configuration.SectionValidation.Problems(options, "Storage") is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(nameof(StorageOptions), typeof(StorageOptions), problems);
        }

        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = PostgresConnectionString(options);

            // One database behind every aggregate: one Npgsql data source, hence one connection pool.
            return services.AddRelationalStore(
                _ => new PostgresDatabase(connectionString, options.PostgresMaxConnections), database => new PostgresLifecycle(database));
        }

        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"Storage:Provider '{options.Provider}' is unknown; use 'Sqlite' or 'Postgres'.");
        }

        var sqlite = SqliteConnectionString(options);

        // One database behind every aggregate: it owns the in-process write gate, which only works if shared, and the
        // bounded set of long-lived connections.
        var settings = new SqliteConnectionSettings(options.SqliteReaders, options.SqliteCacheKiB);
        return services.AddRelationalStore(_ => new SqliteDatabase(sqlite, settings), database => new SqliteLifecycle(database));
    }

    /// <summary>The connection string, checked for shape only (no connection is made here).</summary>
    private static string PostgresConnectionString(StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw Invalid("Storage:ConnectionString is required when Storage:Provider is 'Postgres' "
                + "(e.g. 'Host=db;Database=syndicator;Username=syndicator;Password=…', or serve --postgres CONNECTION).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        }
        catch (ArgumentException)
        {
            // The parser's message may quote a value, and values include the password: it is not repeated.
            throw Invalid("Storage:ConnectionString is not a valid PostgreSQL connection string: a keyword is unknown or a value malformed.");
        }

        return options.ConnectionString;
    }

    private static OptionsValidationException Invalid(string message) =>
        new(nameof(StorageOptions), typeof(StorageOptions), [message]);

    private static string SqliteConnectionString(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var directory = Path.GetFullPath(options.DataDirectory);

        // Only the service's own user may enter it (the host also corrects an existing folder's mode at start-up).
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            // Created 0600 before SQLite opens it, so that the database and its -wal and -shm files (which SQLite
            // creates with the database's mode) are the service user's alone, whichever verb opens the store first.
            var file = Path.Combine(directory, SqliteFileName);
            if (!File.Exists(file))
            {
                try
                {
                    using var created = new FileStream(file, new FileStreamOptions
                    {
                        Mode = FileMode.CreateNew,
                        Access = FileAccess.Write,
                        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                    });
                }
                catch (IOException) when (File.Exists(file))
                {
                    // Another process created it first: SQLite opens theirs.
                }
            }
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,

            // The store keeps its connections open for its life (SqliteDatabase); nothing is left to pool.
            Pooling = false,
        }.ToString();
    }
}
