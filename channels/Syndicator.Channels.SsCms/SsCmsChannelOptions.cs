using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// Settings of a channel whose connector is <c>sscms</c>: an SSCMS 7.x site reached through its v1 contents API.
/// Bound from the channel's section, <c>Channels:&lt;id&gt;</c>. See docs/channels/sscms.md for which are facts of the
/// platform and which are configuration.
/// </summary>
public sealed class SsCmsChannelOptions
{
    /// <summary>
    /// The SSCMS root; the API is at <c>{BaseUrl}/api/…</c> (<c>/api/ping</c>, <c>/api/v1/contents</c>). Required: an
    /// absolute http(s) URL.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The API key (a GUID string) with the <c>Contents</c> scope, sent as the <c>X-SS-API-KEY</c> header. Its
    /// administrator needs add, edit, delete, view and 审核 rights on every channel (栏目) we publish to. Required. A
    /// secret: never logged and never part of an outcome or health detail.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The SSCMS site the items go to. Default: 1.</summary>
    public int SiteId { get; set; } = 1;

    /// <summary>
    /// The SSCMS channel (栏目) items go to, unless the delivery names a column (the category's
    /// <c>Catalogue:Categories:…:ChannelColumns:&lt;channel id&gt;</c>, or the go-live probe's <c>--column</c>).
    /// Required: a positive integer.
    /// </summary>
    public int ChannelId { get; set; }

    /// <summary>
    /// The public address that the site's root-relative page addresses hang off: SSCMS reports each content's page as
    /// <c>navigationUrl</c> (e.g. <c>/contents/2/15.html</c>, or <c>/{siteDir}/…</c> for a non-root site), and the
    /// recorded URL is <c>{SiteUrl}{navigationUrl}</c> (an absolute <c>navigationUrl</c>, from a site with its own
    /// domain, is taken as it is). Usually the site's public root. Required: an absolute http(s) URL.
    /// </summary>
    public Uri? SiteUrl { get; set; }

    /// <summary>
    /// Whether contents are stored approved (已审核), which gives them a public page at once. With <c>false</c> they
    /// wait for review inside SSCMS and outcomes carry no URL. Default: true.
    /// </summary>
    public bool Checked { get; set; } = true;

    /// <summary>
    /// The SSCMS version, used only when <c>/api/ping/status</c> cannot tell it (e.g. a proxy blocks it); what the
    /// status route reports wins. Below 7.3.1 updates are handed off (they wipe unsent fields). Optional, e.g. <c>7.4.0</c>.
    /// </summary>
    public string? Version { get; set; }

    /// <summary>
    /// Whether the item's media travel inside the body as <c>data:</c> URIs — the cover as the body's first figure,
    /// body images in place, attachments as download links — since SSCMS v1 has no upload route. With <c>false</c>,
    /// items with body images or attachments are refused at intake for this channel and a cover is not sent.
    /// Default: true.
    /// </summary>
    public bool InlineMedia { get; set; } = true;

    /// <summary>
    /// The largest create or update request (bytes of JSON) the way to SSCMS takes — a front proxy's
    /// <c>client_max_body_size</c> (nginx: 1 MB by default) or MySQL's <c>max_allowed_packet</c>. Items whose request
    /// would be larger are refused at intake. Optional: no limit checked.
    /// </summary>
    public int? MaxRequestBytes { get; set; }

    /// <summary>Where the article sits on the site's pages (<c>Channels:&lt;id&gt;:Page</c>); without a body selector the verifier reads the content back through the API.</summary>
    public PageSelectors Page { get; set; } = new();
}
