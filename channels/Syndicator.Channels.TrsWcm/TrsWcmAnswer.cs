using System.Net;
using System.Xml;
using System.Xml.Linq;
using RestSharp;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// What one call to WCM came back with: a result document, a <c>fault</c>, a "not logged in" answer, an HTTP
/// error, or no answer at all. WCM sends a fault with 200 and <c>TRSException: true</c> on some deployments and
/// with 500 on others (reference §1.4): both are read as the fault they carry. Classified only by what is documented
/// (T6): the <c>TRSNotLogin</c> header and a <c>fault</c> root, whose code is WCM's numeric ExceptionNumber.
/// </summary>
internal sealed class TrsWcmAnswer
{
    public TrsWcmAnswer(RestResponse response)
    {
        Response = response;
        var root = Parse(response.Content);
        if (root is not null && Named(root, "fault"))
        {
            Fault = new TrsWcmFault(Text(root, "code") ?? "", Text(root, "message") ?? "", Text(root, "detail"));
        }
        else if (response.IsSuccessStatusCode)
        {
            Root = root;
        }
    }

    /// <summary>An answer that did not come from <c>center.do</c>: a login WCM refused, said in words.</summary>
    public TrsWcmAnswer(RestResponse response, TrsWcmLoginRefusal refusal)
        : this(response) => LoginRefusal = refusal;

    public RestResponse Response { get; }

    /// <summary>Set when this is the answer of a login WCM refused (T1, T2), with WCM's words.</summary>
    public TrsWcmLoginRefusal? LoginRefusal { get; }

    /// <summary>The reply document of a success (<c>result</c>, <c>DOCUMENT</c>, <c>VIEWDOCUMENTS</c>, …).</summary>
    public XElement? Root { get; }

    /// <summary>The <c>fault</c> WCM answered with, if any.</summary>
    public TrsWcmFault? Fault { get; }

    /// <summary>Whether an HTTP answer arrived at all (false after a refused connection, reset or timeout).</summary>
    public bool Answered => HttpFailures.Answered(Response);

    /// <summary>WCM's "用户未登录或登录超时" (header <c>TRSNotLogin: true</c>, T6): the session is missing or expired; the call did nothing.</summary>
    public bool NotLoggedIn =>
        Answered && (string.Equals(Header("TRSNotLogin"), "true", StringComparison.OrdinalIgnoreCase)
            || Fault?.Code == TrsWcmFault.NotLoggedIn);

    public bool Succeeded => Answered && LoginRefusal is null && Response.IsSuccessStatusCode && Fault is null && Root is not null && !NotLoggedIn;

    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>The fault code, else the HTTP status.</summary>
    public string Code => Fault is { Code.Length: > 0 } f ? f.Code : ((int)Response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What an operator reads: the raw fault (<c>code: message</c>), else the start of the body.</summary>
    public string Message => Fault is not null ? Fault.ToString() : HttpFailures.Excerpt(Response.Content);

    /// <summary>True when the connection could not even be opened, so the request certainly did not reach WCM.</summary>
    public bool NothingSent => HttpFailures.NothingSent(Response);

    /// <summary>Why no answer arrived (never holds the password: it travels only in a login body).</summary>
    public string ErrorText => HttpFailures.ErrorText(Response);

    /// <summary>The text of <c>result</c> (the id a save answers).</summary>
    public string? ResultText => Root is null ? null : Named(Root, "result") && !Root.HasElements ? Root.Value.Trim() : null;

    /// <summary>The text of the child <paramref name="name"/> (any case) of <paramref name="element"/>.</summary>
    public static string? Text(XElement element, string name) =>
        Children(element, name).FirstOrDefault()?.Value.Trim();

    /// <summary>The children named <paramref name="name"/>, any case (WCM clients upper-case every name, reference §1.4).</summary>
    public static IEnumerable<XElement> Children(XElement element, string name) =>
        element.Elements().Where(e => Named(e, name));

    public static bool Named(XElement element, string name) =>
        string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    public string? Header(string name) =>
        Response.Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;

    private static XElement? Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content) || content.TrimStart()[0] != '<')
        {
            return null;
        }

        try
        {
            return XElement.Parse(content.Trim());
        }
        catch (XmlException)
        {
            return null;
        }
    }
}

/// <summary>
/// A WCM <c>fault</c>: <c>code</c> (a numeric ExceptionNumber, T6), <c>message</c>, <c>detail</c>. Shown to operators
/// as it came.
/// </summary>
internal sealed record TrsWcmFault(string Code, string Message, string? Detail)
{
    /// <summary>ExceptionNumber.ERR_USER_NOTLOGIN: no session, or it expired.</summary>
    public const string NotLoggedIn = "1001";

    /// <summary>ExceptionNumber.ERR_OBJ_NOTFOUND: the object (document, channel) does not exist.</summary>
    public const string ObjectNotFound = "1011";

    /// <summary>ExceptionNumber.ERR_DBOP_FAIL and ERR_CONNECTION_GETFAIL: WCM's database failed; worth another try.</summary>
    public static readonly IReadOnlySet<string> DatabaseFailures = new HashSet<string>(StringComparer.Ordinal) { "40", "41" };

    public override string ToString()
    {
        var detail = string.IsNullOrWhiteSpace(Detail) || Detail == Message ? "" : $" ({HttpFailures.Excerpt(Detail)})";
        return $"WCM fault {Code}: {HttpFailures.Excerpt(Message)}{detail}";
    }
}

/// <summary>Why WCM's login page refused a login (T1, T2), in WCM's words.</summary>
/// <param name="AlreadyLoggedIn">True for ERR_USER_LOGINED: another session holds the account.</param>
/// <param name="Words">The page's own message (the alert's or the confirm's text).</param>
internal sealed record TrsWcmLoginRefusal(bool AlreadyLoggedIn, string Words);
