using System.Collections.Concurrent;
using Syndicator.Testing.Fakes;
using Syndicator.Testing.Storage;

namespace Syndicator.Storage.Tests;

/// <summary>
/// The store conformance suite on the in-memory store the Core tests use, so that the fake keeps the real stores'
/// rules: every store is a new instance; a peer is the same instance (one "database").
/// </summary>
public sealed class InMemoryStoreTests : StoreConformanceTests
{
    private readonly ConcurrentDictionary<string, InMemoryStore> _databases = new(StringComparer.Ordinal);

    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var location = "memory-" + Guid.NewGuid().ToString("N");
        var store = _databases.GetOrAdd(location, _ => new InMemoryStore());
        return Task.FromResult(StoreUnderTest.Of(store, location, () => ValueTask.CompletedTask));
    }

    protected override Task<StoreUnderTest> OpenAgainAsync(StoreUnderTest store) =>
        Task.FromResult(StoreUnderTest.Of(_databases[store.Location], store.Location, () => ValueTask.CompletedTask));
}
