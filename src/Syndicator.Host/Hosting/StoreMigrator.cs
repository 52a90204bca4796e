using Syndicator.Core.Storage;

namespace Syndicator.Host.Hosting;

/// <summary>Applies the store's migrations before anything else starts (hosted services start in order).</summary>
internal sealed class StoreMigrator(IStoreLifecycle store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
