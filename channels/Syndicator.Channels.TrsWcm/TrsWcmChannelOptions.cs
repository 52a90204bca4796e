namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// Settings of a channel whose connector is <c>trswcm</c>: a TRS WCM site reached through its <c>center.do</c>
/// service RPC with a session login. Bound from the channel's section, <c>Channels:&lt;id&gt;</c>.
/// </summary>
public sealed class TrsWcmChannelOptions
{
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
    /// The metadata view (元数据视图) of the disclosure fields, sent as <c>ViewId</c> with
    /// <c>wcm6_MetaDataCenter/savemetaviewdata</c>. Default: 1.
    /// </summary>
    public int ViewId { get; set; } = 1;
}
