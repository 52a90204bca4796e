namespace Syndicator.Channels.SsCms;

/// <summary>
/// Settings of a channel whose connector is <c>sscms</c>: an SSCMS 7.x site reached through its v1 contents API.
/// Bound from the channel's section, <c>Channels:&lt;id&gt;</c>.
/// </summary>
public sealed class SsCmsChannelOptions
{
    /// <summary>
    /// The SSCMS root; the API is at <c>{BaseUrl}/api/v1/…</c>. Required: an absolute http(s) URL.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The API key (a GUID string) with the <c>Contents</c> scope, sent as the <c>X-SS-API-KEY</c> header.
    /// Required. A secret: never logged and never part of an outcome or health detail.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The SSCMS site the items go to. Default: 1.</summary>
    public int SiteId { get; set; } = 1;

    /// <summary>
    /// The SSCMS channel (栏目) items go to, unless the item's category names another one in
    /// <c>Catalogue:Categories:…:ChannelColumns:&lt;channel id&gt;</c>. Required: a positive integer.
    /// </summary>
    public int ChannelId { get; set; }

    /// <summary>
    /// The public root of the site; an article's page is <c>{SiteUrl}/contents/{channelId}/{id}.html</c>.
    /// Required: an absolute http(s) URL.
    /// </summary>
    public Uri? SiteUrl { get; set; }

    /// <summary>
    /// Whether contents are stored approved (已审核), which gives them a public page at once. With <c>false</c> they
    /// wait for review inside SSCMS and outcomes carry no URL. Default: true.
    /// </summary>
    public bool Checked { get; set; } = true;
}
