using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Testing.Storage;

namespace Syndicator.Storage.Tests;

/// <summary>The user store conformance suite on SQLite: a fresh file per test.</summary>
public sealed class SqliteUserStoreTests : UserStoreConformanceTests
{
    private readonly TempDirectory _directory = new();

    protected override Task<(IUserStore Users, IStoreLifecycle Lifecycle, string Location, IAsyncDisposable Owner)> CreateAsync()
    {
        var provider = Open(_directory.Path);
        return Task.FromResult((provider.GetRequiredService<IUserStore>(), provider.GetRequiredService<IStoreLifecycle>(), _directory.Path, (IAsyncDisposable)provider));
    }

    protected override (IUserStore Users, IAsyncDisposable Owner) OpenAgain(string location)
    {
        var provider = Open(location);
        return (provider.GetRequiredService<IUserStore>(), provider);
    }

    private static ServiceProvider Open(string location) =>
        new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { DataDirectory = location })
            .BuildServiceProvider();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
