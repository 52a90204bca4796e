using Microsoft.Extensions.Logging;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms;

/// <summary>One configured SSCMS channel: its settings and services, and the rules that derive from them.</summary>
internal sealed class SsCmsChannel
{
    private readonly IHttpClientFactory _httpClients;
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
        _catalogue = catalogue;
        Time = time;
        Logger = logger;
    }

    public string Id { get; }

    public SsCmsChannelOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>A client for one operation. The factory's HttpClient is short-lived by design and not disposed here.</summary>
    public SsCmsApi OpenApi() => new(_httpClients.CreateClient(ChannelHttp.ClientName(Id)), Options);

    /// <summary>The channel's named client, for reading its public pages.</summary>
    public HttpClient Http() => _httpClients.CreateClient(ChannelHttp.ClientName(Id));

    /// <summary>
    /// The SSCMS channel (栏目) for <paramref name="category"/>: the catalogue's column for this channel if it names
    /// one, else <see cref="SsCmsChannelOptions.ChannelId"/>. Null when the catalogue's value is not an id.
    /// </summary>
    public int? ColumnFor(string category)
    {
        var mapped = _catalogue.Categories
            .FirstOrDefault(c => string.Equals(c.Name, category, StringComparison.Ordinal))?
            .ChannelColumns.GetValueOrDefault(Id);
        if (mapped is null)
        {
            return Options.ChannelId;
        }

        return SsCmsSettingsValidator.TryParseId(mapped, out var column) ? column : null;
    }

    /// <summary>The public page of a content; null when contents are stored unapproved and so have none yet.</summary>
    public Uri? PageUrl(int column, string remoteId) =>
        Options.Checked ? new Uri($"{Options.SiteUrl!.AbsoluteUri.TrimEnd('/')}/contents/{column}/{remoteId}.html") : null;

    public SsCmsContentFields FieldsFor(ItemRevision item) => new(
        Title: item.TitleFor(Id),
        Body: SsCmsBody.Compose(item),
        Summary: item.SummaryFor(Id) ?? "",
        Source: item.Publisher,
        ImageUrl: item.Cover?.ToDataUri() ?? "",
        Checked: Options.Checked);

    public string NotFoundOnCreate(int column) =>
        $"SSCMS knows no site {Options.SiteId} or channel {column} (400 未找到资源): check Channels:{Id}:SiteId and " +
        $"Channels:{Id}:ChannelId, or the category's Catalogue ChannelColumns:{Id}";

    public string NotFoundOnUpdate(int column, string remoteId) =>
        $"SSCMS has no content {remoteId} in site {Options.SiteId}, channel {column} (400 未找到资源): check " +
        $"Channels:{Id}:SiteId and Channels:{Id}:ChannelId, and whether the content was removed in SSCMS";

    public static ChannelOutcome BadColumn(string channelId, string category) => new ChannelOutcome.Rejected(
        $"Catalogue ChannelColumns:{channelId} of category {category} is not an SSCMS channel id (a positive integer)");
}
