using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>One configured WCM channel: its settings, services and session, and the rules that derive from them.</summary>
internal sealed class TrsWcmChannel
{
    private readonly IHttpClientFactory _httpClients;
    private readonly Lazy<TrsWcmApi> _api;

    public TrsWcmChannel(string id, TrsWcmChannelOptions options, IHttpClientFactory httpClients, IChannelStateStore state, TimeProvider time, ILogger logger)
    {
        Id = id;
        Options = options;
        _httpClients = httpClients;
        _api = new(() => new TrsWcmApi(Http(), Options));
        State = state;
        Time = time;
        Logger = logger;
        Session = new TrsWcmSession(this);
    }

    public string Id { get; }

    public TrsWcmChannelOptions Options { get; }

    /// <summary>Where the WCM session is shared with every process and node (T2).</summary>
    public IChannelStateStore State { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>The channel's WCM session, shared through <see cref="State"/>.</summary>
    public TrsWcmSession Session { get; }

    /// <summary>The channel's named client, for reading its public pages.</summary>
    public HttpClient Http() => _httpClients.CreateClient(ChannelHttp.ClientName(Id));

    /// <summary>The client that reads the channel's public pages: no credentials, only its page hosts (FetchPolicy).</summary>
    public HttpClient PageHttp() => _httpClients.CreateClient(ChannelHttp.PageClientName(Id));

    /// <summary>Calls for one operation, over the channel's one API client (kept for the process's life; see <see cref="ChannelHttp"/>).</summary>
    public TrsWcmDocuments Open() => new(this, _api.Value);

    /// <summary>
    /// The WCM channel (栏目) of a delivery: the category's column (<see cref="DeliveryContext.Column"/>) when the
    /// catalogue names one, else <see cref="TrsWcmChannelOptions.ChannelId"/>. Null when the column is not an id.
    /// </summary>
    public int? ColumnFor(DeliveryContext context) =>
        context.Column is null ? Options.ChannelId
        : SettingsChecks.TryParseId(context.Column, out var column) ? column : null;

    public ChannelOutcome BadColumn(DeliveryContext context) => new ChannelOutcome.Rejected(
        $"Catalogue ChannelColumns:{Id} of category {context.Item.Category} is '{context.Column}', not a WCM channel id (a positive integer)");
}
