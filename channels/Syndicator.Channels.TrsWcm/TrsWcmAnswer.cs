using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;
using RestSharp;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// What one call to WCM came back with: a result document, a <c>fault</c>, a "not logged in" answer, an HTTP
/// error, or no answer at all. WCM sends a fault with 200 and <c>TRSException: true</c> on some deployments and
/// with 500 on others (reference §1.4): both are read as the fault they carry.
/// </summary>
internal sealed class TrsWcmAnswer
{
    private const int MaxMessageLength = 200;

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

    public RestResponse Response { get; }

    /// <summary>Set on a login answer that arrived but set no session: the user name or password was refused.</summary>
    public bool LoginRefused { get; set; }

    /// <summary>The reply document of a success (<c>result</c>, <c>DOCUMENT</c>, <c>VIEWDOCUMENTS</c>, …).</summary>
    public XElement? Root { get; }

    /// <summary>The <c>fault</c> WCM answered with, if any.</summary>
    public TrsWcmFault? Fault { get; }

    /// <summary>Whether an HTTP answer arrived at all (false after a refused connection, reset or timeout).</summary>
    public bool Answered => Response.StatusCode != 0;

    /// <summary>WCM's "用户未登录或登录超时": the session is missing or expired; the call did nothing.</summary>
    public bool NotLoggedIn =>
        Answered && (string.Equals(Header("TRSNotLogin"), "true", StringComparison.OrdinalIgnoreCase)
            || Fault?.Code == TrsWcmFault.NotLoggedIn);

    public bool Succeeded => Answered && Response.IsSuccessStatusCode && Fault is null && Root is not null && !NotLoggedIn;

    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>The fault code, else the HTTP status.</summary>
    public string Code => Fault is { Code.Length: > 0 } f ? f.Code : ((int)Response.StatusCode).ToString(CultureInfo.InvariantCulture);

    /// <summary>The fault's message, else the start of the body.</summary>
    public string Message => Truncate(Fault is not null ? Fault.Message : (Response.Content?.Trim() is { Length: > 0 } c ? c : "(empty body)"));

    /// <summary>True when the connection could not even be opened, so the request certainly did not reach WCM.</summary>
    public bool NothingSent
    {
        get
        {
            for (var e = Response.ErrorException; e is not null; e = e.InnerException)
            {
                if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError })
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Why no answer arrived (never holds the password: it travels only in a login body).</summary>
    public string ErrorText =>
        Response.ErrorException?.GetBaseException().Message ?? Response.ErrorMessage ?? Response.ResponseStatus.ToString();

    /// <summary>The text of <c>result</c> (the id a save answers), or of a child of the root by path.</summary>
    public string? ResultText => Root is null ? null : Named(Root, "result") && !Root.HasElements ? Root.Value.Trim() : null;

    /// <summary>The text of the child <paramref name="name"/> (any case) of <paramref name="element"/>.</summary>
    public static string? Text(XElement element, string name) =>
        Children(element, name).FirstOrDefault()?.Value.Trim();

    /// <summary>The children named <paramref name="name"/>, any case (WCM clients upper-case every name, reference §1.4).</summary>
    public static IEnumerable<XElement> Children(XElement element, string name) =>
        element.Elements().Where(e => Named(e, name));

    public static bool Named(XElement element, string name) =>
        string.Equals(element.Name.LocalName, name, StringComparison.OrdinalIgnoreCase);

    private string? Header(string name) =>
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

    private static string Truncate(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength] + "…";
}

/// <summary>A WCM <c>fault</c>: <c>code</c>, <c>message</c>, <c>detail</c>.</summary>
internal sealed record TrsWcmFault(string Code, string Message, string? Detail)
{
    /// <summary>No session, or it expired.</summary>
    public const string NotLoggedIn = "ERR_USER_NOTLOGIN";

    /// <summary>User name or password refused at login.</summary>
    public const string LoginFailed = "ERR_LOGIN_FAILED";

    /// <summary>A parameter is missing or not acceptable; the message names it.</summary>
    public const string ParamInvalid = "ERR_PARAM_INVALID";

    /// <summary>The object (document, channel) does not exist.</summary>
    public const string ObjectNotFound = "ERR_OBJECT_NOTFOUND";
}
