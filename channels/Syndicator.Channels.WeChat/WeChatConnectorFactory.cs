using Microsoft.Extensions.Logging;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.WeChat;

/// <summary>Creates <c>wechat</c> connectors for configured channels.</summary>
internal sealed class WeChatConnectorFactory : ConnectorFactory<WeChatChannelOptions>
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

    public override string Connector => "wechat";

    public override IEnumerable<KeyValuePair<string, string>> CheckItem(ChannelDefinition channel, Syndicator.Core.Items.ItemRevision item)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(item);
        return WeChatItemLimits.Check(channel.Id, Bind(channel), item);
    }

    public override IEnumerable<ChannelJob> Jobs(ChannelDefinition channel)
    {
        var wechat = Channel(channel);
        return wechat.Options.MassSend.Enabled ? [new WeChatDigest(wechat, _items).Job()] : [];
    }

    protected override IEnumerable<string?> Check(SettingsChecks settings) => WeChatSettingsValidator.Check(settings);

    protected override IChannelConnector CreateConnector(ChannelDefinition channel, WeChatChannelOptions options) =>
        new WeChatConnector(new WeChatChannel(channel.Id, options, _httpClients, _state, _time, _logger));

    private WeChatChannel Channel(ChannelDefinition channel)
    {
        var problems = Validate(channel).ToList();
        if (problems.Count > 0)
        {
            // Start-up validation should have stopped the service already; reaching here is a composition bug.
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        return new WeChatChannel(channel.Id, Bind(channel), _httpClients, _state, _time, _logger);
    }
}
