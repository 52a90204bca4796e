using Microsoft.Extensions.DependencyInjection;
using Syndicator.Testing.Postgres;
using Syndicator.Testing.Storage;

namespace Syndicator.Storage.Tests;

/// <summary>The store conformance suite on PostgreSQL: every store is a fresh database on the shared throwaway cluster.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresStoreTests(PostgresCluster cluster) : StoreConformanceTests
{
    private readonly List<string> _databases = [];

    protected override async Task<StoreUnderTest> CreateStoreAsync()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        _databases.Add(connectionString);
        return Open(connectionString);
    }

    protected override Task<StoreUnderTest> OpenAgainAsync(StoreUnderTest store) => Task.FromResult(Open(store.Location));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in _databases)
        {
            await cluster.DropDatabaseAsync(database);
        }
    }

    /// <summary>Builds the store the way the host does: through <c>AddSyndicatorStorage</c>.</summary>
    internal static StoreUnderTest Open(string connectionString)
    {
        var provider = new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { Provider = "Postgres", ConnectionString = connectionString })
            .BuildServiceProvider();
        return StoreUnderTest.FromServices(provider, connectionString, provider.DisposeAsync);
    }
}
