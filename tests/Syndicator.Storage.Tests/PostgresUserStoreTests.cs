using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Testing.Postgres;
using Syndicator.Testing.Storage;

namespace Syndicator.Storage.Tests;

/// <summary>The user store conformance suite on PostgreSQL: a fresh database per test on the shared throwaway cluster.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresUserStoreTests(PostgresCluster cluster) : UserStoreConformanceTests
{
    private string? _database;

    protected override async Task<(IUserStore Users, IStoreLifecycle Lifecycle, string Location, IAsyncDisposable Owner)> CreateAsync()
    {
        _database = await cluster.CreateDatabaseAsync();
        var provider = Open(_database);
        return (provider.GetRequiredService<IUserStore>(), provider.GetRequiredService<IStoreLifecycle>(), _database, provider);
    }

    protected override (IUserStore Users, IAsyncDisposable Owner) OpenAgain(string location)
    {
        var provider = Open(location);
        return (provider.GetRequiredService<IUserStore>(), provider);
    }

    private static ServiceProvider Open(string location) =>
        new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { Provider = "Postgres", ConnectionString = location })
            .BuildServiceProvider();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await cluster.DropDatabaseAsync(_database);
        }
    }
}
