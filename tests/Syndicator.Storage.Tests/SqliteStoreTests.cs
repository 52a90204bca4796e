using Microsoft.Extensions.DependencyInjection;
using Syndicator.Testing.Storage;

namespace Syndicator.Storage.Tests;

/// <summary>The store conformance suite on SQLite: every store is a fresh file in a temporary directory.</summary>
public sealed class SqliteStoreTests : StoreConformanceTests
{
    private readonly TempDirectory _directory = new();
    private int _databases;

    protected override Task<StoreUnderTest> CreateStoreAsync() =>
        Task.FromResult(Open(Path.Combine(_directory.Path, $"db{Interlocked.Increment(ref _databases)}")));

    protected override Task<StoreUnderTest> OpenAgainAsync(StoreUnderTest store) => Task.FromResult(Open(store.Location));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>Builds the store the way the host does: through <c>AddSyndicatorStorage</c>.</summary>
    private static StoreUnderTest Open(string dataDirectory)
    {
        var provider = new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { DataDirectory = dataDirectory })
            .BuildServiceProvider();
        return StoreUnderTest.FromServices(provider, dataDirectory, provider.DisposeAsync);
    }
}
