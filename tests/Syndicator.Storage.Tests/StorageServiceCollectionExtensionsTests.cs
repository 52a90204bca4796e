using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;

namespace Syndicator.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void AddSyndicatorStorage_Sqlite_OneInstanceBehindAllSixInterfaces()
    {
        using var provider = CreateSut(new StorageOptions { DataDirectory = _directory.Path });

        object[] resolved =
        [
            provider.GetRequiredService<IItemStore>(), provider.GetRequiredService<IDeliveryStore>(),
            provider.GetRequiredService<IKeyStore>(), provider.GetRequiredService<IAuditLog>(),
            provider.GetRequiredService<IChannelStateStore>(), provider.GetRequiredService<IStoreLifecycle>(),
            provider.GetRequiredService<IItemStore>(),
        ];

        Assert.All(resolved, r => Assert.Same(resolved[0], r));
    }

    [Fact]
    public async Task AddSyndicatorStorage_NoConnectionString_DatabaseFileInCreatedDataDirectory()
    {
        var dataDirectory = Path.Combine(_directory.Path, "nested", "data");
        await using var provider = CreateSut(new StorageOptions { DataDirectory = dataDirectory });

        await provider.GetRequiredService<IStoreLifecycle>().MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(dataDirectory, "syndicator.db")));
    }

    [Fact]
    public async Task AddSyndicatorStorage_ConnectionString_UsesItInsteadOfDataDirectory()
    {
        var file = Path.Combine(_directory.Path, "custom.db");
        Directory.CreateDirectory(_directory.Path);
        var unused = Path.Combine(_directory.Path, "unused");
        await using var provider = CreateSut(new StorageOptions { ConnectionString = $"Data Source={file}", DataDirectory = unused });

        await provider.GetRequiredService<IStoreLifecycle>().MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(file));
        Assert.False(Directory.Exists(unused));
    }

    [Theory]
    [InlineData("Postgres", "not available yet")]
    [InlineData("Oracle", "unknown")]
    public void AddSyndicatorStorage_OtherProvider_NotSupportedNamingTheKey(string provider, string expected)
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            new ServiceCollection().AddSyndicatorStorage(new StorageOptions { Provider = provider }));

        Assert.Contains($"Storage:Provider '{provider}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static ServiceProvider CreateSut(StorageOptions options) =>
        new ServiceCollection().AddSyndicatorStorage(options).BuildServiceProvider();
}
