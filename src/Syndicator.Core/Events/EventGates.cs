using Syndicator.Core.Dispatch;

namespace Syndicator.Core.Events;

/// <summary>Each subscription's circuit, shared by its lane (which asks it) and the API and console (which show it).</summary>
public sealed class EventGates
{
    private readonly Dictionary<string, ChannelCircuit> _circuits;

    public EventGates(EventRoutes routes, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(routes);
        _circuits = routes.Subscriptions.ToDictionary(
            s => s.Name, s => new ChannelCircuit(s.Options.CircuitFailures, s.Options.CircuitBreak, time), StringComparer.Ordinal);
    }

    public ChannelCircuit Circuit(string subscription) => _circuits[subscription];
}
