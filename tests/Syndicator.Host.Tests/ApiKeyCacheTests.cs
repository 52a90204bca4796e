using Microsoft.Extensions.Time.Testing;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;

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
    public async Task FindAsync_UnknownKey_AsksTheStoreEveryTime()
    {
        var store = new CountingKeys(Key);
        var cache = new ApiKeyCache(store, new FakeTimeProvider());

        Assert.Null(await cache.FindAsync("nope", CancellationToken.None));
        Assert.Null(await cache.FindAsync("nope", CancellationToken.None));

        Assert.Equal(2, store.Reads);
    }

    private sealed class CountingKeys(ApiKeyRecord key) : IKeyStore
    {
        private ApiKeyRecord? _key = key;

        public int Reads { get; private set; }

        public void Revoke() => _key = null;

        public Task CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ApiKeyRecord?> FindByHashAsync(string hash, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult(_key is { } k && k.Hash == hash ? k : null);
        }
    }
}
