using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Jcms;

/// <summary>Creates <c>jcms</c> connectors for configured channels.</summary>
internal sealed class JcmsConnectorFactory : IChannelConnectorFactory
{
    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<CatalogueOptions> _catalogue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public JcmsConnectorFactory(
        IHttpClientFactory httpClients,
        IOptions<CatalogueOptions> catalogue,
        TimeProvider time,
        ILogger<JcmsConnector> logger)
    {
        _httpClients = httpClients;
        _catalogue = catalogue;
        _time = time;
        _logger = logger;
    }

    public string Connector => "jcms";

    public IEnumerable<string> Validate(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return JcmsSettingsValidator.Validate(channel, _catalogue.Value);
    }

    public IChannelConnector Create(ChannelDefinition channel)
    {
        var problems = Validate(channel).ToList();
        if (problems.Count > 0)
        {
            // Start-up validation should have stopped the service already; reaching here is a composition bug.
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var options = channel.Settings.Get<JcmsChannelOptions>() ?? new JcmsChannelOptions();
        var jcms = new JcmsChannel(channel.Id, options, _httpClients, _time, _logger);
        if (options.LegacyQueryStringCredentials)
        {
            Log.LegacyCredentials(_logger, channel.Id, jcms.LoggedEndpoint);
        }

        return new JcmsConnector(jcms);
    }
}
