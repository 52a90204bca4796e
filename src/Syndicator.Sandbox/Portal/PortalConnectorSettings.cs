namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The <c>jcms</c> connector settings that describe this emulated site (below <c>Channels:&lt;id&gt;:</c>), beside its
/// address and credentials: how its replies read, where its column list page is, and where its pages put the title and
/// text. The sandbox profile applies <see cref="Default"/>; tests that turn the site's settings add <see cref="FullInterface"/>.
/// </summary>
public static class PortalConnectorSettings
{
    /// <summary>The site as it is by default: the public client's form, adds only (<see cref="PortalSettings"/>).</summary>
    public static IReadOnlyDictionary<string, string> Default { get; } = new Dictionary<string, string>
    {
        ["Reply:Success:XPath"] = "/result/success",
        ["Reply:Success:Value"] = "^true$",
        ["Reply:Id:XPath"] = "(/result/articleid | /result/articles/article/articleid)[1]",
        ["Reply:Url:XPath"] = "(/result/url | /result/articles/article/url)[1]",
        ["Reply:AuthFailed:XPath"] = "/result/message",
        ["Reply:AuthFailed:Value"] = "用户名或密码|用户不存在",
        ["Reply:Refused:XPath"] = "/result/success",
        ["Reply:Refused:Value"] = "^false$",
        ["Reconcile:ListPage"] = "site/col/col{column}/index.html",
        ["Page:TitleSelector"] = "h2.art-title",
        ["Page:BodySelector"] = "#zoom",
    };

    /// <summary>
    /// For a site whose administrators enabled update, delete and query (site settings <c>operationElement=status</c>,
    /// <c>supportsUpdate</c>, <c>supportsDelete</c>, <c>supportsQuery</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> FullInterface { get; } = new Dictionary<string, string>
    {
        ["Envelope:OperationElement"] = "status",
        ["SupportsUpdate"] = "true",
        ["SupportsWithdraw"] = "true",
        ["SupportsQuery"] = "true",
    };
}
