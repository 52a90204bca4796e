using Microsoft.Extensions.Logging;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;

namespace Syndicator.Channels.SsCms;

/// <summary>One configured SSCMS channel: its settings and services, and the rules that derive from them.</summary>
internal sealed class SsCmsChannel
{
    private readonly IHttpClientFactory _httpClients;
    private readonly Lazy<SsCmsApi> _api;
    private readonly CatalogueOptions _catalogue;

    public SsCmsChannel(
        string id,
        SsCmsChannelOptions options,
        IHttpClientFactory httpClients,
        CatalogueOptions catalogue,
        TimeProvider time,
        ILogger logger)
    {
        Id = id;
        Options = options;
        _httpClients = httpClients;
        _api = new(() => new SsCmsApi(_httpClients.CreateClient(ChannelHttp.ClientName(Id)), Options));
        _catalogue = catalogue;
        Time = time;
        Logger = logger;
    }

    public string Id { get; }

    public SsCmsChannelOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>The channel's one API client, built on first use and kept for the process's life (see <see cref="ChannelHttp"/>).</summary>
    public SsCmsApi Api => _api.Value;

    /// <summary>The channel's named client, for reading its public pages.</summary>
    public HttpClient Http() => _httpClients.CreateClient(ChannelHttp.ClientName(Id));

    /// <summary>The client that reads the channel's public pages: no credentials, only its page hosts (FetchPolicy).</summary>
    public HttpClient PageHttp() => _httpClients.CreateClient(ChannelHttp.PageClientName(Id));

    /// <summary>
    /// The SSCMS channel (栏目) of a delivery: the column it names (the catalogue's, or the go-live probe's), else the
    /// catalogue's column for the item's category, else <see cref="SsCmsChannelOptions.ChannelId"/>. Null when the
    /// column named is not an id.
    /// </summary>
    public int? ColumnFor(DeliveryContext context) =>
        context.Column is { } named
            ? SettingsChecks.TryParseId(named, out var column) ? column : null
            : ColumnFor(context.Item.Category);

    /// <summary>The catalogue's column for <paramref name="category"/> on this channel, else the default one.</summary>
    public int? ColumnFor(string category)
    {
        var mapped = _catalogue.Categories
            .FirstOrDefault(c => string.Equals(c.Name, category, StringComparison.Ordinal))?
            .ChannelColumns.GetValueOrDefault(Id);
        if (mapped is null)
        {
            return Options.ChannelId;
        }

        return SettingsChecks.TryParseId(mapped, out var column) ? column : null;
    }

    /// <summary>
    /// The page address SSCMS reports (S7): a root-relative <c>navigationUrl</c> below <see cref="SsCmsChannelOptions.SiteUrl"/>,
    /// an absolute one as it is. Null when there is none.
    /// </summary>
    public Uri? PageUrl(string? navigationUrl)
    {
        if (string.IsNullOrWhiteSpace(navigationUrl))
        {
            return null;
        }

        if (Uri.TryCreate(navigationUrl, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute;
        }

        return Uri.TryCreate(Options.SiteUrl!.AbsoluteUri.TrimEnd('/') + "/" + navigationUrl.TrimStart('/'), UriKind.Absolute, out var url) ? url : null;
    }

    public string ComposeBody(ItemRevision item) => SsCmsBody.Compose(item, Options.InlineMedia);

    /// <summary>The fields of a create or update. <c>imageUrl</c> is always empty: never a <c>data:</c> URI, never over 500 characters (S2).</summary>
    public SsCmsContentFields FieldsFor(ItemRevision item) => new(
        Title: item.TitleFor(Id),
        Body: ComposeBody(item),
        Summary: item.SummaryFor(Id) ?? "",
        Source: item.Publisher,
        ImageUrl: "",
        Checked: Options.Checked);

    /// <summary>What the attempt log should say about media that did not travel (a cover with inlining off).</summary>
    public string? MediaNote(ItemRevision item) =>
        !Options.InlineMedia && item.Cover is not null
            ? $"封面未发送 the cover was not sent: Channels:{Id}:InlineMedia is false and SSCMS v1 has no upload route"
            : null;

    public string NotFoundOnCreate(int column) =>
        $"SSCMS knows no site {Options.SiteId} or channel {column} (400 未找到资源): check Channels:{Id}:SiteId and " +
        $"Channels:{Id}:ChannelId, or the category's Catalogue ChannelColumns:{Id}";

    public string NotFoundOnUpdate(int column, string remoteId) =>
        $"SSCMS has no content {remoteId} in site {Options.SiteId}, channel {column} (400 未找到资源): check " +
        $"Channels:{Id}:SiteId and Channels:{Id}:ChannelId, and whether the content was removed in SSCMS";

    public ChannelOutcome BadColumn(DeliveryContext context) => new ChannelOutcome.Rejected(
        context.Column is { } named
            ? $"the column '{named}' of this delivery is not an SSCMS channel id (a positive integer)"
            : $"Catalogue ChannelColumns:{Id} of category {context.Item.Category} is not an SSCMS channel id (a positive integer)");
}
