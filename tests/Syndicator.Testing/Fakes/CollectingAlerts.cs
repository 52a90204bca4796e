using System.Collections.Concurrent;
using Syndicator.Core.Alerts;

namespace Syndicator.Testing.Fakes;

/// <summary>Keeps every alert raised, in order, to check what IT and operators would hear.</summary>
public sealed class CollectingAlerts : IAlerts
{
    private readonly ConcurrentQueue<Alert> _alerts = new();

    public IReadOnlyList<Alert> All => [.. _alerts];

    public Task RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        _alerts.Enqueue(alert);
        return Task.CompletedTask;
    }
}
