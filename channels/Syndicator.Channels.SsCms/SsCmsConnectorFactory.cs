using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;

namespace Syndicator.Channels.SsCms;

/// <summary>Creates <c>sscms</c> connectors for configured channels; checks their settings and what an item may carry.</summary>
internal sealed class SsCmsConnectorFactory : ConnectorFactory<SsCmsChannelOptions>
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

    /// <summary>The length of SSCMS's short text columns (Datory's <c>VarCharDefaultLength</c>, S2).</summary>
    private const int VarCharLength = 500;

    public override string Connector => "sscms";

    /// <summary>
    /// What SSCMS cannot take through this channel: with <c>InlineMedia=false</c>, body images and attachments (v1 has
    /// no upload route); with <c>MaxRequestBytes</c>, a request larger than the way to SSCMS takes (S3); a title longer than its VARCHAR(500) column (S2).
    /// </summary>
    public override IEnumerable<KeyValuePair<string, string>> CheckItem(ChannelDefinition channel, ItemRevision item)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(item);
        var options = Bind(channel);
        var key = $"Channels:{channel.Id}";
        var title = item.TitleFor(channel.Id);
        if (title.Length > VarCharLength)
        {
            // S2: Title is a VARCHAR(500) column; every production database refuses a longer value.
            yield return new("title", $"渠道 {channel.Id} 的标题过长: SSCMS stores titles in a column of at most {VarCharLength} characters; this one has {title.Length}");
        }

        if (!options.InlineMedia)
        {
            var shown = SsCmsBody.ImagesShown(item);
            if (shown.Count > 0)
            {
                yield return new("images", $"渠道 {channel.Id} 不接收正文图片: SSCMS v1 has no upload route and {key}:InlineMedia is false, so " +
                    $"the body's images ({string.Join(", ", shown)}) cannot reach the page; link them from a public address instead");
            }

            if (item.Attachments.Count > 0)
            {
                yield return new("attachments", $"渠道 {channel.Id} 不接收附件: SSCMS v1 has no upload route and {key}:InlineMedia is false");
            }
        }

        if (options.MaxRequestBytes is { } limit)
        {
            var fields = new SsCmsContentFields(item.TitleFor(channel.Id), SsCmsBody.Compose(item, options.InlineMedia), item.SummaryFor(channel.Id) ?? "", item.Publisher, "", options.Checked);
            var size = JsonSerializer.SerializeToUtf8Bytes(fields, SsCmsJson.Options).Length;
            if (size > limit)
            {
                yield return new("body", $"发往渠道 {channel.Id} 的请求过大: with its media inlined the request to SSCMS is {size} bytes, above " +
                    $"{key}:MaxRequestBytes ({limit}), what the way to SSCMS takes; make the images smaller or fewer");
            }
        }
    }

    protected override IEnumerable<string?> Check(SettingsChecks settings)
    {
        yield return settings.Url(nameof(SsCmsChannelOptions.BaseUrl));
        yield return settings.Url(nameof(SsCmsChannelOptions.SiteUrl));
        yield return settings.Required(nameof(SsCmsChannelOptions.ApiKey), "an SSCMS API key with the Contents scope");
        yield return settings.PositiveInt(nameof(SsCmsChannelOptions.SiteId));
        yield return settings.PositiveInt(nameof(SsCmsChannelOptions.ChannelId), required: true);
        yield return settings.Bool(nameof(SsCmsChannelOptions.Checked));
        yield return settings.Bool(nameof(SsCmsChannelOptions.InlineMedia));
        yield return settings.PositiveInt(nameof(SsCmsChannelOptions.MaxRequestBytes));
        var version = settings[nameof(SsCmsChannelOptions.Version)];
        yield return string.IsNullOrWhiteSpace(version) || SsCmsVersion.Parse(version) is not null
            ? null
            : $"{settings.Key(nameof(SsCmsChannelOptions.Version))} must be an SSCMS version such as 7.4.0; got '{version}'";
        foreach (var problem in PageSelectors.Check(settings))
        {
            yield return problem;
        }

        foreach (var problem in settings.Columns(_catalogue.Value, static c => SettingsChecks.TryParseId(c, out _), "a positive integer (an SSCMS channel id)"))
        {
            yield return problem;
        }
    }

    protected override IChannelConnector CreateConnector(ChannelDefinition channel, SsCmsChannelOptions options) =>
        new SsCmsConnector(new SsCmsChannel(channel.Id, options, _httpClients, _catalogue.Value, _time, _logger));
}
