using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;

namespace Syndicator.Storage.Tests;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void AddSyndicatorStorage_Sqlite_EachInterfaceItsAggregatesSingleton()
    {
        using var provider = CreateSut(new StorageOptions { DataDirectory = _directory.Path });

        AssertAggregates(provider, typeof(Sqlite.SqliteLifecycle));
        Assert.Same(provider.GetRequiredService<Sqlite.SqliteDatabase>(), provider.GetRequiredService<Sqlite.SqliteDatabase>());
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
    public void AddSyndicatorStorage_Postgres_EachInterfaceItsAggregatesSingletonWithoutConnecting()
    {
        using var provider = CreateSut(new StorageOptions { Provider = "postgres", ConnectionString = "Host=127.0.0.1;Port=1;Database=none" });

        AssertAggregates(provider, typeof(Postgres.PostgresLifecycle));
        Assert.Same(provider.GetRequiredService<Postgres.PostgresDatabase>(), provider.GetRequiredService<Postgres.PostgresDatabase>());
    }

    /// <summary>
    /// Every store interface resolves, twice to the same instance, to the class that owns its aggregate; the two pairs
    /// of interfaces one aggregate implements resolve to one instance.
    /// </summary>
    private static void AssertAggregates(ServiceProvider provider, Type lifecycle)
    {
        (Type Service, Type Aggregate)[] expected =
        [
            (typeof(IItemStore), typeof(Relational.ItemStore)), (typeof(IDeliveryStore), typeof(Relational.DeliveryStore)),
            (typeof(IKeyStore), typeof(Relational.KeyStore)), (typeof(IAuditLog), typeof(Relational.AuditLog)),
            (typeof(IUserStore), typeof(Relational.UserStore)), (typeof(ITrackingStore), typeof(Relational.TrackingStore)),
            (typeof(IHealthCheckStore), typeof(Relational.HealthCheckStore)), (typeof(IDeliveryStatistics), typeof(Relational.HealthCheckStore)),
            (typeof(IComplianceStore), typeof(Relational.ComplianceStore)), (typeof(IPublicationStatistics), typeof(Relational.ComplianceStore)),
            (typeof(IChannelStateStore), typeof(Relational.ChannelStateStore)),
            (typeof(IDataProtectionKeyStore), typeof(Relational.DataProtectionKeyStore)), (typeof(IStoreLifecycle), lifecycle),
        ];

        Assert.All(expected, e =>
        {
            var resolved = provider.GetRequiredService(e.Service);
            Assert.IsType(e.Aggregate, resolved);
            Assert.Same(resolved, provider.GetRequiredService(e.Service));
        });
        Assert.Same(provider.GetRequiredService<IHealthCheckStore>(), provider.GetRequiredService<IDeliveryStatistics>());
        Assert.Same(provider.GetRequiredService<IComplianceStore>(), provider.GetRequiredService<IPublicationStatistics>());
    }

    public void Dispose() => _directory.Dispose();

    private static ServiceProvider CreateSut(StorageOptions options) =>
        new ServiceCollection().AddSyndicatorStorage(options).BuildServiceProvider();
}
