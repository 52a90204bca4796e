using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// Settings of a channel whose connector is <c>trswcm</c>: a TRS WCM site reached through its <c>center.do</c>
/// service RPC with a session login. Bound from the channel's section, <c>Channels:&lt;id&gt;</c>. Which settings are
/// platform fact and which are site configuration: docs/channels/trswcm.md.
/// </summary>
public sealed class TrsWcmChannelOptions
{
    /// <summary>Save through <c>wcm6_document/save</c> (document channels). T4.</summary>
    public const string DocumentMode = "document";

    /// <summary>Save through <c>wcm6_MetaDataCenter/savemetaviewdata</c> (channels bound to a metadata view). T4.</summary>
    public const string MetaViewMode = "metaview";

    /// <summary>
    /// The root below which WCM lives: calls go to <c>{BaseUrl}/wcm/center.do</c>, the login to
    /// <c>{BaseUrl}/wcm/app/login_dowith.jsp</c>. Required: an absolute http(s) URL.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The WCM user the connector logs in as (<c>UserName</c> of the login form). Required.</summary>
    public string UserName { get; set; } = "";

    /// <summary>
    /// That user's password (<c>PassWord</c> of the login form, sent in the POST body only). Required. A secret: never
    /// logged and never part of an outcome or health detail.
    /// </summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// The WCM channel (栏目) items go to, unless the item's category names another one in
    /// <c>Catalogue:Categories:…:ChannelColumns:&lt;channel id&gt;</c>. Required: a positive integer.
    /// </summary>
    public int ChannelId { get; set; }

    /// <summary>
    /// How documents are saved (T4): <c>document</c> (<c>wcm6_document/save</c>, default) or <c>metaview</c>
    /// (<c>wcm6_MetaDataCenter/savemetaviewdata</c>, for channels bound to a metadata view). Never both.
    /// </summary>
    public string Mode { get; set; } = DocumentMode;

    /// <summary>
    /// Our field → the site's field name (T4: a view's field names are the site's own). Keys: see
    /// <see cref="TrsWcmFields.Ours"/>; an empty value leaves that field out. Missing keys keep the defaults of
    /// <see cref="TrsWcmFields.DefaultMap"/>.
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Optional (T5): a site column that carries our item id (one site's <c>ISPUSH</c>). Sent with every save and,
    /// when set, checked during reconciliation beside the marker. Default: none.
    /// </summary>
    public string? ReferenceField { get; set; }

    /// <summary>
    /// Send <c>ForceKick=true</c> with the login (T2): log out any other session of the user. Default false: a refused
    /// login ("already logged in at …") is reported instead.
    /// </summary>
    public bool ForceKick { get; set; }

    /// <summary>
    /// The page address of a published document when WCM does not report <c>DOCPUBURL</c> (T7): an absolute URL with
    /// placeholders <c>{docId}</c>, <c>{channelId}</c>, <c>{yyyyMM}</c>, <c>{yyyyMMdd}</c> (the publish date, China
    /// time). Default: none (the placement then has no URL and tracking verifies through WCM's API).
    /// </summary>
    public string? PageUrlRule { get; set; }

    /// <summary>How far around the create's time reconciliation looks for our document (T5). Default: 1 day.</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Where the article sits on the site's pages (<c>Channels:&lt;id&gt;:Page</c>).</summary>
    public PageSelectors Page { get; set; } = new();
}
