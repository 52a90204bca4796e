using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Dispatch;

/// <summary>The hosted service that runs one <see cref="Lane{TLease}"/> per enabled channel.</summary>
public sealed class DeliveryDispatcher : BackgroundService
{
    private readonly ChannelCatalogue _catalogue;
    private readonly IDeliveryStore _store;
    private readonly DeliveryRunner _runner;
    private readonly DispatchSignal _signal;
    private readonly ChannelGates _gates;
    private readonly TimeProvider _time;
    private readonly DispatcherOptions _options;
    private readonly ILogger<DeliveryDispatcher> _logger;

    public DeliveryDispatcher(
        ChannelCatalogue catalogue, IDeliveryStore store, DeliveryRunner runner, DispatchSignal signal, ChannelGates gates, TimeProvider time,
        IOptions<DispatcherOptions> options, ILogger<DeliveryDispatcher> logger)
    {
        _gates = gates;
        _catalogue = catalogue;
        _store = store;
        _runner = runner;
        _signal = signal;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>This process's name on leases: host, process id and a random part, so a restarted process is a new owner.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        var lanes = _catalogue.EnabledChannels
            .Select(c => new Lane<DeliveryLease>(
                new DeliveryLaneWork(c, _store, _runner), _signal.For(c.Id), _gates.Circuit(c.Id), _gates.Rate(c.Id), _time, _options, Owner, _logger))
            .ToList();
        Log.DispatcherStarted(_logger, Owner, string.Join(", ", _catalogue.EnabledChannels.Select(c => c.Id)));
        return Task.WhenAll(lanes.Select(l => Task.Run(() => l.RunAsync(stoppingToken), CancellationToken.None)));
    }
}
