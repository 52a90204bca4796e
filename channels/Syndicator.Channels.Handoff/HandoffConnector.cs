using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Tracking;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Handoff;

/// <summary>
/// Hands every operation to an operator: a delivery ends in <see cref="ChannelOutcome.HandedOff"/> (status
/// <c>handoff</c>) with instructions, its package is read through the API or the CLI, and
/// <c>POST /api/deliveries/{id}/confirm {"url"}</c> completes it. Nothing is sent anywhere, so a retry is harmless.
/// </summary>
internal sealed class HandoffConnector : HandoffConnectorBase, IChannelVerifier
{
    /// <summary>
    /// A page on a platform whose layout Syndicator does not know: the page's text must contain the approved title and
    /// the approved body's text.
    /// </summary>
    internal static readonly PublicPage Page = new("h1", BodySelector: null);

    private readonly string _displayName;
    private readonly HandoffChannelOptions _options;

    public HandoffConnector(ChannelDefinition channel, HandoffChannelOptions options)
        : base(channel.Id)
    {
        _displayName = channel.DisplayName;
        _options = options;
    }

    /// <summary>The channel's named client; null: confirmed pages are not verified.</summary>
    public Func<HttpClient>? Http { get; init; }

    /// <summary>
    /// Where confirmed pages may be read from; a URL confirmed on another host is recorded as the placement but never
    /// fetched. Null: every URL is left unread.
    /// </summary>
    public FetchPolicy? Policy { get; init; }

    /// <summary>Reads the page an operator confirmed and looks for the approved title and text on it.</summary>
    public async Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(item);
        return Http is not null && placement.Url is { IsAbsoluteUri: true } url && Policy?.IsAllowed(url) == true
            ? await Page.CheckAsync(Http(), url, item.TitleFor(Channel), item.BodyHtml, cancellationToken)
            : null;
    }

    /// <summary>Nothing to reach: the channel is as healthy as its operators.</summary>
    public override Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ChannelHealth(ChannelHealthStatus.Healthy, "hand-off channel: operators publish by hand and confirm the URL", TimeSpan.Zero));

    protected override string Instructions(DeliveryOperation operation, Placement? live)
    {
        var where = _options.BackOfficeUrl is { } url ? $"{_displayName}（{url.AbsoluteUri}）" : _displayName;
        var what = (operation, live) switch
        {
            (DeliveryOperation.Withdraw, { } page) => $"请在{where}删除 {page.Url?.AbsoluteUri ?? page.RemoteId} 的文章，然后以该地址确认。 Remove the article at {page.Url?.AbsoluteUri ?? page.RemoteId}, then confirm with that address.",
            (DeliveryOperation.Withdraw, null) => $"请确认{where}上没有这篇文章，然后确认。 Make sure the article is not on the platform, then confirm.",
            (_, { } page) => $"请在{where}修改 {page.Url?.AbsoluteUri ?? page.RemoteId} 的文章为本修订版，然后以文章地址确认。 Replace the article at {page.Url?.AbsoluteUri ?? page.RemoteId} with this revision, then confirm with its address.",
            _ => $"请在{where}发布本信息（标题、正文、元数据、附件见发布包），然后以文章地址确认。 Publish the package (title, body, metadata, attachments), then confirm with the article's address.",
        };
        return string.IsNullOrWhiteSpace(_options.Instructions) ? what : $"{what} {_options.Instructions.Trim()}";
    }
}
