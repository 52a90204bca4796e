using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Creates <c>trswcm</c> connectors for configured channels.</summary>
internal sealed class TrsWcmConnectorFactory : IChannelConnectorFactory
{
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TrsWcmConnectorFactory(IHttpClientFactory httpClients, TimeProvider time, ILogger<TrsWcmConnector> logger)
    {
        _httpClients = httpClients;
        _time = time;
        _logger = logger;
    }

    public string Connector => "trswcm";

    public IEnumerable<string> Validate(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return TrsWcmSettingsValidator.Validate(channel);
    }

    public IChannelConnector Create(ChannelDefinition channel)
    {
        var problems = Validate(channel).ToList();
        if (problems.Count > 0)
        {
            // Start-up validation should have stopped the service already; reaching here is a composition bug.
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var options = channel.Settings.Get<TrsWcmChannelOptions>() ?? new TrsWcmChannelOptions();
        return new TrsWcmConnector(new TrsWcmChannel(channel.Id, options, _httpClients, _time, _logger));
    }
}
