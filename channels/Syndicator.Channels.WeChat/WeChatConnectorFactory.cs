using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.WeChat;

/// <summary>Creates <c>wechat</c> connectors for configured channels.</summary>
internal sealed class WeChatConnectorFactory : IChannelConnectorFactory
{
    private readonly IHttpClientFactory _httpClients;
    private readonly IChannelStateStore _state;
    private readonly IItemStore _items;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public WeChatConnectorFactory(
        IHttpClientFactory httpClients, IChannelStateStore state, IItemStore items, TimeProvider time, ILogger<WeChatConnector> logger)
    {
        _items = items;
        _httpClients = httpClients;
        _state = state;
        _time = time;
        _logger = logger;
    }

    public string Connector => "wechat";

    public IEnumerable<string> Validate(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return WeChatSettingsValidator.Validate(channel);
    }

    public IEnumerable<KeyValuePair<string, string>> CheckItem(ChannelDefinition channel, Syndicator.Core.Items.ItemRevision item)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(item);
        return WeChatItemLimits.Check(channel, item);
    }

    public IChannelConnector Create(ChannelDefinition channel) => new WeChatConnector(Channel(channel));

    public IEnumerable<ChannelJob> Jobs(ChannelDefinition channel)
    {
        var wechat = Channel(channel);
        return wechat.Options.MassSend.Enabled ? [new WeChatDigest(wechat, _items).Job()] : [];
    }

    private WeChatChannel Channel(ChannelDefinition channel)
    {
        var problems = Validate(channel).ToList();
        if (problems.Count > 0)
        {
            // Start-up validation should have stopped the service already; reaching here is a composition bug.
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        var options = channel.Settings.Get<WeChatChannelOptions>() ?? new WeChatChannelOptions();
        return new WeChatChannel(channel.Id, options, _httpClients, _state, _time, _logger);
    }
}
