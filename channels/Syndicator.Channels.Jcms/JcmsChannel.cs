using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>One configured portal channel: its settings and services, and the rules that derive from them.</summary>
internal sealed class JcmsChannel
{
    private readonly IHttpClientFactory _httpClients;

    public JcmsChannel(string id, JcmsChannelOptions options, IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
    {
        Id = id;
        Options = options;
        _httpClients = httpClients;
        Time = time;
        Logger = logger;
        Redaction = new JcmsRedaction(options.Password);
        Endpoint = new Uri(new Uri(options.BaseUrl!.AbsoluteUri.TrimEnd('/') + "/"), options.ReceivePath.TrimStart('/'));
    }

    public string Id { get; }

    public JcmsChannelOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public JcmsRedaction Redaction { get; }

    /// <summary>The receive interface's URL, without credentials (they go in the body, or are added per call in legacy mode).</summary>
    public Uri Endpoint { get; }

    /// <summary>The endpoint as logs show it: in legacy mode with the credentials' places masked.</summary>
    public string LoggedEndpoint => Options.LegacyQueryStringCredentials
        ? Endpoint.AbsoluteUri + "?userid=***&password=***&charset=UTF-8"
        : Endpoint.AbsoluteUri;

    /// <summary>A client for one operation. The factory's HttpClient is short-lived by design and not disposed here.</summary>
    public JcmsApi OpenApi() => new(_httpClients.CreateClient(ChannelHttp.ClientName(Id)), this);

    /// <summary>The channel's named client, for reading its public pages.</summary>
    public HttpClient Http() => _httpClients.CreateClient(ChannelHttp.ClientName(Id));

    /// <summary>
    /// The column for this delivery: the catalogue's column of the item's category (<see cref="DeliveryContext.Column"/>)
    /// when there is one, else <see cref="JcmsChannelOptions.ColumnId"/>. Null when the catalogue's value is not an id.
    /// </summary>
    public int? ColumnFor(DeliveryContext context) =>
        context.Column is null ? Options.ColumnId
        : JcmsSettingsValidator.TryParseId(context.Column, out var column) ? column
        : null;

    public ChannelOutcome BadColumn(DeliveryContext context) => new ChannelOutcome.Rejected(
        $"Catalogue ChannelColumns:{Id} of category {context.Item.Category} is '{context.Column}', not a portal columnid (a positive integer)");

    public string CheckCredentials => $"check Channels:{Id}:UserId and Channels:{Id}:Password";
}
