using Syndicator.Core.Catalogue;

namespace Syndicator.Core.Dispatch;

/// <summary>Each channel's circuit and rate limit, shared by its lane (which asks them) and the API (which shows them).</summary>
public sealed class ChannelGates
{
    private readonly Dictionary<string, (ChannelCircuit Circuit, ChannelRate Rate)> _gates;

    public ChannelGates(ChannelCatalogue catalogue, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _gates = catalogue.Channels.ToDictionary(
            c => c.Id,
            c => (new ChannelCircuit(c.Options.CircuitFailures, c.Options.CircuitBreak, time), new ChannelRate(c.Options.MaxPerMinute, time)),
            StringComparer.Ordinal);
    }

    public ChannelCircuit Circuit(string channel) => _gates[channel].Circuit;

    public ChannelRate Rate(string channel) => _gates[channel].Rate;
}
