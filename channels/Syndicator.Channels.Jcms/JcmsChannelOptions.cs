using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// Settings of a channel whose connector is <c>jcms</c>: a Hanweb JCMS portal reached through its XML receive interface
/// (<c>jcms/interface/receive.jsp</c>). Bound from the channel's section, <c>Channels:&lt;id&gt;</c>. What the one public
/// client of the interface shows is the default (platform-truth §4); the rest is per-portal configuration.
/// </summary>
public sealed class JcmsChannelOptions
{
    /// <summary>The portal's root, e.g. <c>https://xxgk.example.gov.cn/</c>. Required: an absolute http(s) URL.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The receive interface below <see cref="BaseUrl"/>. Default: <c>jcms/interface/receive.jsp</c> (§4).</summary>
    public string ReceivePath { get; set; } = "jcms/interface/receive.jsp";

    /// <summary>The interface user (<c>userid</c>) the portal's administrators granted. Required.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The interface user's password. Required. A secret: never logged, never in an outcome or health detail.</summary>
    public string Password { get; set; } = "";

    /// <summary>The column (栏目, <c>columnid</c>) items go to unless the catalogue names another. Required: a positive integer.</summary>
    public int ColumnId { get; set; }

    /// <summary>Column names (<c>column</c> element) by column id, e.g. <c>ColumnNames:1229001 = 政府信息公开目录</c>. Optional.</summary>
    public Dictionary<string, string> ColumnNames { get; set; } = [];

    /// <summary>The request document, its credentials and content type (<c>Channels:&lt;id&gt;:Envelope</c>).</summary>
    public JcmsEnvelopeOptions Envelope { get; set; } = new();

    /// <summary>How the portal's answer is read (<c>Channels:&lt;id&gt;:Reply</c>).</summary>
    public JcmsReplyOptions Reply { get; set; } = new();

    /// <summary>
    /// The portal updates an article through the interface (operation <see cref="JcmsEnvelopeOptions.Operations"/>
    /// <c>Update</c>, naming the id). Default false: no public source shows an update through receive.jsp (§4); an
    /// update is then handed off to the portal's back office.
    /// </summary>
    public bool SupportsUpdate { get; set; }

    /// <summary>The portal deletes an article through the interface. Default false, for the same reason; a withdrawal is then handed off.</summary>
    public bool SupportsWithdraw { get; set; }

    /// <summary>
    /// The portal answers a query (by our <c>sourceid</c>, or a column) through the interface. Default false: no public
    /// source shows one (§4). With it, a create whose answer was lost is reconciled and the health check proves the
    /// credentials; without it see <see cref="Reconcile"/>.
    /// </summary>
    public bool SupportsQuery { get; set; }

    /// <summary>Reconciliation by the column's public list page, for portals without a query (<c>Channels:&lt;id&gt;:Reconcile</c>).</summary>
    public JcmsReconcileOptions Reconcile { get; set; } = new();

    /// <summary>Where the article sits on its public page (<c>Channels:&lt;id&gt;:Page</c>).</summary>
    public PageSelectors Page { get; set; } = new();
}

/// <summary>Where the credentials travel.</summary>
public enum JcmsCredentialPlacement
{
    /// <summary><c>?userid=…&amp;password=…&amp;charset=UTF-8</c>, as the public client sends them (§4). The default.</summary>
    Query,

    /// <summary>As elements of the root of the XML document.</summary>
    Xml,

    /// <summary>As two HTTP headers.</summary>
    Header,
}

/// <summary>The request document (platform-truth §4: a per-site template; the public client's names are the defaults).</summary>
public sealed class JcmsEnvelopeOptions
{
    /// <summary>The root element. Default <c>main</c>: the public client's template does not show it; <c>main</c> is the root of JCMS's other XML interface (gov-cms-protocols §2.2 [H5]).</summary>
    public string Root { get; set; } = "main";

    /// <summary>The element, a child of the root, holding the fields. Default <c>article</c> (§4).</summary>
    public string Article { get; set; } = "article";

    /// <summary>
    /// Our field → the portal's element name. Defaults: the public client's <c>标题</c>, <c>正文</c>, <c>文号</c>,
    /// <c>创建日期</c>, <c>column</c>, <c>columnid</c> (§4) and the disclosure catalogue's names (gov-publishing §4.2).
    /// An empty name leaves the field out. <c>Title</c>, <c>Body</c> and <c>ColumnId</c> must have one.
    /// </summary>
    public Dictionary<string, string> Fields { get; set; } = JcmsFields.Defaults();

    /// <summary>Where the credentials travel. Default <see cref="JcmsCredentialPlacement.Query"/> (§4).</summary>
    public JcmsCredentialPlacement Credentials { get; set; } = JcmsCredentialPlacement.Query;

    /// <summary>The name of the user id: query parameter, element or header. Default <c>userid</c> (§4).</summary>
    public string UserIdName { get; set; } = "userid";

    /// <summary>The name of the password: query parameter, element or header. Default <c>password</c> (§4).</summary>
    public string PasswordName { get; set; } = "password";

    /// <summary>The <c>charset</c> query parameter sent beside query credentials. Default <c>UTF-8</c> (§4); empty leaves it out.</summary>
    public string Charset { get; set; } = "UTF-8";

    /// <summary>The Content-Type of the raw UTF-8 XML body. Default <c>application/x-www-form-urlencoded</c>, as the public client labels it (§4).</summary>
    public string ContentType { get; set; } = "application/x-www-form-urlencoded";

    /// <summary>
    /// The element of the root naming the operation, for a portal that supports more than adding. Default empty: the
    /// public client sends none (§4). Required when <c>SupportsUpdate</c>, <c>SupportsWithdraw</c> or <c>SupportsQuery</c> is on.
    /// </summary>
    public string OperationElement { get; set; } = "";

    /// <summary>The operation element's values. Defaults A, U, D, Q, after the one-letter <c>status</c> of [H5].</summary>
    public JcmsOperations Operations { get; set; } = new();

    /// <summary>The element of the article naming the portal's article id (update, delete). Default <c>articleid</c>.</summary>
    public string IdElement { get; set; } = "articleid";
}

/// <summary>The values of <see cref="JcmsEnvelopeOptions.OperationElement"/>.</summary>
public sealed class JcmsOperations
{
    public string Add { get; set; } = "A";

    public string Update { get; set; } = "U";

    public string Delete { get; set; } = "D";

    public string Query { get; set; } = "Q";
}

/// <summary>
/// How an answer is read. No public source shows the reply (§4: the public client never parses it), so every rule is
/// configuration. A rule is an <c>XPath</c> (with an optional <c>Value</c> regex its text must match) or a <c>Regex</c>
/// on the raw text (its first group, if any, is what it extracts).
/// </summary>
public sealed class JcmsReplyOptions
{
    /// <summary>
    /// What a success looks like. Default: <c>Regex = 成功</c> — what JCMS's sibling interface
    /// <c>/jcms/interface/ldap/receive.jsp</c> answers on success (gov-cms-protocols §2.2 [H2][H3]).
    /// </summary>
    public JcmsReplyRule Success { get; set; } = new() { Regex = "成功" };

    /// <summary>Where the article id is read from a success (or from a query's answer). Default: none.</summary>
    public JcmsReplyRule Id { get; set; } = new();

    /// <summary>Where the article's public URL is read from. Default: none.</summary>
    public JcmsReplyRule Url { get; set; } = new();

    /// <summary>What a refusal of the credentials looks like (the channel becomes unhealthy). Default: none.</summary>
    public JcmsReplyRule AuthFailed { get; set; } = new();

    /// <summary>What a refusal of the article looks like (nothing was created; goes to an operator). Default: none.</summary>
    public JcmsReplyRule Refused { get; set; } = new();
}

/// <summary>One reply rule: <see cref="XPath"/> (+ <see cref="Value"/>) or <see cref="Regex"/>; neither means "not configured".</summary>
public sealed class JcmsReplyRule
{
    public string? XPath { get; set; }

    public string? Value { get; set; }

    public string? Regex { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(XPath) || !string.IsNullOrWhiteSpace(Regex);
}

/// <summary>
/// Reconciliation by the column's public list page (gov-cms-protocols §2.3 [H11]: <c>/col/col&lt;colid&gt;/index.html</c>,
/// articles at <c>art_&lt;colid&gt;_&lt;artid&gt;.html</c>), for a portal without a query.
/// </summary>
public sealed class JcmsReconcileOptions
{
    /// <summary>
    /// The list page, relative to <c>BaseUrl</c> or absolute, with <c>{column}</c> for the column id, e.g.
    /// <c>col/col{column}/index.html</c>. Default: none — a create whose answer was lost is then Unconfirmed. Configure
    /// it only where the page lists a new article at once (no 待审 step, no delayed page generation).
    /// </summary>
    public string? ListPage { get; set; }

    /// <summary>The article id in a link's URL (first group). Default <c>art_\d+_(\d+)\.html</c> (§2.3 [H11]).</summary>
    public string IdPattern { get; set; } = @"art_\d+_(\d+)\.html";
}
