using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Storage;

namespace Syndicator.Host.Tests;

public sealed class ApiKeyCacheTests
{
    private static readonly ApiKeyRecord Key = new("k1", "approval-system", "hash-1", ["submit"], DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task FindAsync_KnownKeyAgainWithinLifetime_AsksTheStoreOnce()
    {
        var store = new CountingKeys(Key);
        var time = new FakeTimeProvider();
        var cache = new ApiKeyCache(store, time);

        Assert.Equal(Key, await cache.FindAsync("hash-1", CancellationToken.None));
        time.Advance(ApiKeyCache.Lifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(Key, await cache.FindAsync("hash-1", CancellationToken.None));

        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task FindAsync_KeyRevokedInTheStore_StopsWorkingWhenTheLifetimeIsOver()
    {
        var store = new CountingKeys(Key);
        var time = new FakeTimeProvider();
        var cache = new ApiKeyCache(store, time);
        await cache.FindAsync("hash-1", CancellationToken.None);

        store.Revoke();
        time.Advance(ApiKeyCache.Lifetime);

        Assert.Null(await cache.FindAsync("hash-1", CancellationToken.None));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task FindAsync_KeyRevokedInTheStore_RefusedNoLaterThanTheLifetimeAfterItWasLastConfirmed()
    {
        using var directory = new TempFolder();
        await using var services = new ServiceCollection().AddSyndicatorStorage(new StorageOptions { DataDirectory = directory.Path }).BuildServiceProvider();
        await services.GetRequiredService<IStoreLifecycle>().MigrateAsync(CancellationToken.None);
        var store = services.GetRequiredService<IKeyStore>();
        await store.CreateAsync(Key, CancellationToken.None);
        var time = new FakeTimeProvider();
        var cache = new ApiKeyCache(store, time);
        Assert.NotNull(await cache.FindAsync(Key.Hash, CancellationToken.None));

        // Revoked a moment after the cache last asked: still honoured from memory until the lifetime is over, never after.
        time.Advance(TimeSpan.FromSeconds(1));
        await store.RevokeAsync(Key.Id, "cli", time.GetUtcNow(), CancellationToken.None);
        time.Advance(ApiKeyCache.Lifetime - TimeSpan.FromSeconds(2));
        var stillCached = await cache.FindAsync(Key.Hash, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.NotNull(stillCached);
        Assert.Null(await cache.FindAsync(Key.Hash, CancellationToken.None));
    }

    [Fact]
    public async Task Forget_RevokedThroughThisProcess_RefusedAtOnce()
    {
        var store = new CountingKeys(Key);
        var cache = new ApiKeyCache(store, new FakeTimeProvider());
        await cache.FindAsync("hash-1", CancellationToken.None);

        store.Revoke();
        cache.Forget(Key.Id);

        Assert.Null(await cache.FindAsync("hash-1", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_UnknownKey_AsksTheStoreEveryTime()
    {
        var store = new CountingKeys(Key);
        var cache = new ApiKeyCache(store, new FakeTimeProvider());

        Assert.Null(await cache.FindAsync("nope", CancellationToken.None));
        Assert.Null(await cache.FindAsync("nope", CancellationToken.None));

        Assert.Equal(2, store.Reads);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "syndicator-keys-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(Path))
            {
                Directory.Delete(Path, recursive: true);
            }
        }
    }

    private sealed class CountingKeys(ApiKeyRecord key) : IKeyStore
    {
        private ApiKeyRecord? _key = key;

        public int Reads { get; private set; }

        public void Revoke() => _key = null;

        public Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ApiKeyRevocation?> RevokeAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(_key is { } k && k.Hash == hash ? k : null);
        }
    }
}
