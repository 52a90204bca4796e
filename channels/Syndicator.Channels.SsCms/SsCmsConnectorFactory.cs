using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.SsCms;

/// <summary>Creates <c>sscms</c> connectors for configured channels.</summary>
internal sealed class SsCmsConnectorFactory : IChannelConnectorFactory
{
    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<CatalogueOptions> _catalogue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SsCmsConnectorFactory(
        IHttpClientFactory httpClients,
        IOptions<CatalogueOptions> catalogue,
        TimeProvider time,
        ILogger<SsCmsConnector> logger)
    {
        _httpClients = httpClients;
        _catalogue = catalogue;
        _time = time;
        _logger = logger;
    }

    public string Connector => "sscms";

    public IEnumerable<string> Validate(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return SsCmsSettingsValidator.Validate(channel, _catalogue.Value);
    }

    public IChannelConnector Create(ChannelDefinition channel)
    {
        var problems = Validate(channel).ToList();
        if (problems.Count > 0)
        {
            // Start-up validation should have stopped the service already; reaching here is a composition bug.
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var options = channel.Settings.Get<SsCmsChannelOptions>() ?? new SsCmsChannelOptions();
        return new SsCmsConnector(new SsCmsChannel(channel.Id, options, _httpClients, _catalogue.Value, _time, _logger));
    }
}
