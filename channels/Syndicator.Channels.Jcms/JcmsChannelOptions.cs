namespace Syndicator.Channels.Jcms;

/// <summary>
/// Settings of a channel whose connector is <c>jcms</c>: a Hanweb-JCMS-style disclosure portal reached through its
/// XML receive interface (<c>receive.jsp</c>). Bound from the channel's section, <c>Channels:&lt;id&gt;</c>.
/// </summary>
public sealed class JcmsChannelOptions
{
    /// <summary>The portal's root, e.g. <c>https://xxgk.example.gov.cn/</c>. Required: an absolute http(s) URL.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The receive interface below <see cref="BaseUrl"/>. Default: <c>jcms/interface/receive.jsp</c>, where JCMS
    /// serves it; a site deployed under another context path names its own.
    /// </summary>
    public string ReceivePath { get; set; } = "jcms/interface/receive.jsp";

    /// <summary>The interface user (<c>userid</c>) the portal's administrators granted. Required.</summary>
    public string UserId { get; set; } = "";

    /// <summary>
    /// The interface user's password. Required. A secret: sent in the XML body (over HTTPS in production), never
    /// logged and never part of an outcome or health detail.
    /// </summary>
    public string Password { get; set; } = "";

    /// <summary>
    /// The column (栏目, <c>columnid</c>) items go to unless the item's category names another one in
    /// <c>Catalogue:Categories:…:ChannelColumns:&lt;channel id&gt;</c>. Required: a positive integer.
    /// </summary>
    public int ColumnId { get; set; }

    /// <summary>
    /// Sends the credentials as <c>?userid=…&amp;password=…</c> in the URL, as the old receive interface took them, for a
    /// portal that reads them nowhere else. Default: false. When true, a warning is logged when the connector starts
    /// and every URL the connector logs or reports is redacted; prefer asking the portal to read them from the body.
    /// </summary>
    public bool LegacyQueryStringCredentials { get; set; }
}
