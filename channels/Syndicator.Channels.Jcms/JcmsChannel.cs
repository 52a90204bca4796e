using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>One configured portal channel: its settings and services, and the rules that derive from them.</summary>
internal sealed class JcmsChannel
{
    private readonly IHttpClientFactory _httpClients;
    private readonly Lazy<JcmsApi> _api;

    public JcmsChannel(string id, JcmsChannelOptions options, IHttpClientFactory httpClients, TimeProvider time, ILogger logger)
    {
        Id = id;
        Options = options;
        _httpClients = httpClients;
        Time = time;
        Logger = logger;
        Redaction = new JcmsRedaction(options.Password, options.Envelope.UserIdName, options.Envelope.PasswordName);
        Rules = new JcmsReplyRules(options.Reply);
        Xml = new JcmsXml(options, id);
        Page = options.Page.ToPublicPage();
        Endpoint = new Uri(SiteRoot, options.ReceivePath.TrimStart('/'));
        _api = new(() => new JcmsApi(Http(), this));
    }

    public string Id { get; }

    public JcmsChannelOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public JcmsRedaction Redaction { get; }

    public JcmsReplyRules Rules { get; }

    public JcmsXml Xml { get; }

    public PublicPage Page { get; }

    /// <summary><see cref="JcmsChannelOptions.BaseUrl"/>, ending with <c>/</c>.</summary>
    public Uri SiteRoot => new(Options.BaseUrl!.AbsoluteUri.TrimEnd('/') + "/");

    /// <summary>The receive interface's URL, without credentials (added per call where the envelope puts them there).</summary>
    public Uri Endpoint { get; }

    /// <summary>The endpoint as logs show it: never with the credentials.</summary>
    public string LoggedEndpoint => Options.Envelope.Credentials == JcmsCredentialPlacement.Query
        ? $"{Endpoint.AbsoluteUri}?{Options.Envelope.UserIdName}=***&{Options.Envelope.PasswordName}=***"
        : Endpoint.AbsoluteUri;

    /// <summary>The channel's one API client, built on first use and kept for the process's life (see <see cref="ChannelHttp"/>).</summary>
    public JcmsApi Api => _api.Value;

    /// <summary>The channel's named client, for the interface and the public pages.</summary>
    public HttpClient Http() => _httpClients.CreateClient(ChannelHttp.ClientName(Id));

    /// <summary>The client that reads the channel's public pages: no credentials, only its page hosts (FetchPolicy).</summary>
    public HttpClient PageHttp() => _httpClients.CreateClient(ChannelHttp.PageClientName(Id));

    /// <summary>
    /// The column for this delivery: <see cref="DeliveryContext.Column"/> (the catalogue's column of the item's category,
    /// or the go-live probe's test column) when there is one, else <see cref="JcmsChannelOptions.ColumnId"/>. Null when
    /// the value is not an id.
    /// </summary>
    public int? ColumnFor(DeliveryContext context) =>
        context.Column is null ? Options.ColumnId
        : SettingsChecks.TryParseId(context.Column, out var column) ? column
        : null;

    public ChannelOutcome BadColumn(DeliveryContext context) => new ChannelOutcome.Rejected(
        $"Catalogue ChannelColumns:{Id} of category {context.Item.Category} is '{context.Column}', not a portal columnid (a positive integer)");

    public string CheckCredentials => $"check Channels:{Id}:UserId and Channels:{Id}:Password";

    public string Key(string name) => $"Channels:{Id}:{name}";
}
