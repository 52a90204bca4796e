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
        var (users, owner) = OpenAgain(_directory.Path);
        return Task.FromResult((users, (IStoreLifecycle)users, _directory.Path, owner));
    }

    protected override (IUserStore Users, IAsyncDisposable Owner) OpenAgain(string location)
    {
        var provider = new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { DataDirectory = location })
            .BuildServiceProvider();
        return (provider.GetRequiredService<IUserStore>(), provider);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }
}
