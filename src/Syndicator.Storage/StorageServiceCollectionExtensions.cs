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
    /// Registers one store as <see cref="IItemStore"/>, <see cref="IDeliveryStore"/>, <see cref="IKeyStore"/>,
    /// <see cref="IAuditLog"/>, <see cref="IChannelStateStore"/> and <see cref="IStoreLifecycle"/>. Call
    /// <see cref="IStoreLifecycle.MigrateAsync"/> at start-up before using it.
    /// </summary>
    /// <exception cref="NotSupportedException">The provider is unknown.</exception>
    /// <exception cref="OptionsValidationException">The provider's settings are missing or malformed.</exception>
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

            // One instance behind every store interface: one Npgsql data source, hence one connection pool.
            return AddStore(services, _ => new PostgresStore(new PostgresDatabase(connectionString, options.PostgresMaxConnections)));
        }

        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"Storage:Provider '{options.Provider}' is unknown; use 'Sqlite' or 'Postgres'.");
        }

        var sqlite = SqliteConnectionString(options);

        // One instance behind every store interface: it owns the in-process write gate, which only works if shared, and
        // the bounded set of long-lived connections.
        var settings = new SqliteConnectionSettings(options.SqliteReaders, options.SqliteCacheKiB);
        return AddStore(services, _ => new SqliteStore(new SqliteDatabase(sqlite, settings)));
    }

    private static IServiceCollection AddStore<TStore>(IServiceCollection services, Func<IServiceProvider, TStore> create)
        where TStore : class, IItemStore, IDeliveryStore, IKeyStore, IAuditLog, IChannelStateStore, IStoreLifecycle, IComplianceStore,
        IPublicationStatistics, ITrackingStore, IUserStore
    {
        services.AddSingleton(create);
        services.AddSingleton<IItemStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IDeliveryStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IKeyStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IChannelStateStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IStoreLifecycle>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton(sp => (IHealthCheckStore)sp.GetRequiredService<TStore>());
        services.AddSingleton(sp => (IDeliveryStatistics)sp.GetRequiredService<TStore>());
        services.AddSingleton<IComplianceStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IPublicationStatistics>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<ITrackingStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IUserStore>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton(sp => (IDataProtectionKeyStore)sp.GetRequiredService<TStore>());
        return services;
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
