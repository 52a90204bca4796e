using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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

    [Fact]
    public void AddSyndicatorStorage_UnknownProvider_NotSupportedNamingTheKey()
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            new ServiceCollection().AddSyndicatorStorage(new StorageOptions { Provider = "Oracle" }));

        Assert.Contains("Storage:Provider 'Oracle'", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void AddSyndicatorStorage_PostgresWithoutConnectionString_InvalidNamingTheKey(string? connectionString)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { Provider = "Postgres", ConnectionString = connectionString }));

        Assert.Contains("Storage:ConnectionString is required when Storage:Provider is 'Postgres'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSyndicatorStorage_PostgresMalformedConnectionString_InvalidWithoutRepeatingIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { Provider = "Postgres", ConnectionString = "Host=db;Pasword=s3cret-value" }));

        Assert.Contains("Storage:ConnectionString is not a valid PostgreSQL connection string", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSyndicatorStorage_Postgres_OneInstanceBehindAllSixInterfacesWithoutConnecting()
    {
        using var provider = CreateSut(new StorageOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Port=1;Database=none" });

        object[] resolved =
        [
            provider.GetRequiredService<IItemStore>(), provider.GetRequiredService<IDeliveryStore>(),
            provider.GetRequiredService<IKeyStore>(), provider.GetRequiredService<IAuditLog>(),
            provider.GetRequiredService<IChannelStateStore>(), provider.GetRequiredService<IStoreLifecycle>(),
        ];

        Assert.All(resolved, r => Assert.Same(resolved[0], r));
        Assert.IsType<Postgres.PostgresStore>(resolved[0]);
    }

    public void Dispose() => _directory.Dispose();

    private static ServiceProvider CreateSut(StorageOptions options) =>
        new ServiceCollection().AddSyndicatorStorage(options).BuildServiceProvider();
}
