using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
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
    /// <exception cref="NotSupportedException">The provider is not available.</exception>
    public static IServiceCollection AddSyndicatorStorage(this IServiceCollection services, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);

        // Decided here, not on first resolve: a bad provider stops the service at start-up.
        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                "Storage:Provider 'Postgres' is not available yet; use 'Sqlite' (the default).");
        }

        if (!string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException(
                $"Storage:Provider '{options.Provider}' is unknown; use 'Sqlite' or 'Postgres'.");
        }

        var connectionString = SqliteConnectionString(options);

        // One instance behind all six interfaces: it owns the in-process write gate, which only works if shared.
        services.AddSingleton(_ => new SqliteStore(new SqliteDatabase(connectionString)));
        services.AddSingleton<IItemStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IDeliveryStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IKeyStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IChannelStateStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IStoreLifecycle>(sp => sp.GetRequiredService<SqliteStore>());
        return services;
    }

    private static string SqliteConnectionString(StorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return options.ConnectionString;
        }

        var directory = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(directory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
    }
}
