using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Syndicator.Storage.Tests;

/// <summary>The connection limits are checked when the store is registered (start-up), each problem naming its key.</summary>
public sealed class StorageLimitsTests
{
    [Theory]
    [InlineData("SqliteReaders", "Storage:SqliteReaders must be from 1 to 64; it is 0.")]
    [InlineData("SqliteCacheKiB", "Storage:SqliteCacheKiB must be from 256 to 262144; it is 0.")]
    [InlineData("PostgresMaxConnections", "Storage:PostgresMaxConnections must be from 2 to 200; it is 0.")]
    public void AddSyndicatorStorage_LimitZero_RefusedNamingTheKey(string key, string expected)
    {
        var options = new StorageOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "syndicator-tests", "unused") };
        typeof(StorageOptions).GetProperty(key)!.SetValue(options, 0);

        var failure = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddSyndicatorStorage(options));

        Assert.Equal([expected], failure.Failures);
    }
}
