using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// WCM's answers: a result document, or a <c>fault</c> (<c>code</c>, <c>message</c>, <c>detail</c>, <c>suggestion</c>)
/// sent with 200 and <c>TRSException: true</c>, or with 500 when the emulator's settings say so (reference §1.4).
/// Codes are WCM's numeric ExceptionNumbers, not names (T6; the public copies of <c>ExceptionNumber</c>:
/// ERR_PARAM_INVALID = 10, ERR_USER_NOTLOGIN = 1001, ERR_USER_NORIGHT = 1002, ERR_OBJ_NOTFOUND = 1011,
/// ERR_WCMEXCEPTION = 1100).
/// </summary>
internal static class WcmReply
{
    public const string NotLoggedIn = "1001";
    public const string ParamInvalid = "10";
    public const string ObjectNotFound = "1011";
    public const string ServiceNotFound = "1100";

    public static IResult Xml(XElement root) => new XmlResult(StatusCodes.Status200OK, root, null);

    public static IResult Result(string text) => Xml(new XElement("result", text));

    /// <summary>A fault; counted in the channel's stats under its code.</summary>
    public static IResult Fault(ApprovalEmulator approval, string code, string message, string? suggestion = null, bool notLoggedIn = false)
    {
        approval.Stats.ErrorAnswered(code);
        var fault = new XElement(
            "fault",
            new XElement("code", code),
            new XElement("message", message),
            new XElement("detail", message),
            new XElement("suggestion", suggestion ?? ""));
        var status = approval.Settings.FaultStatus;
        var headers = new List<KeyValuePair<string, string>> { new("TRSException", "true") };
        if (notLoggedIn)
        {
            headers.Add(new("TRSNotLogin", "true"));
        }

        return new XmlResult(status, fault, headers);
    }

    /// <summary>A fault naming the parameter that is missing or wrong.</summary>
    public static IResult BadParameter(ApprovalEmulator approval, string name, string problem) =>
        Fault(approval, ParamInvalid, $"参数[{name}]无效: {problem}", $"check the parameter {name}");

    private sealed class XmlResult(int status, XElement root, IReadOnlyList<KeyValuePair<string, string>>? headers) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            foreach (var (name, value) in headers ?? [])
            {
                httpContext.Response.Headers[name] = value;
            }

            httpContext.Response.ContentType = "text/xml; charset=UTF-8";
            var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + root.ToString(SaveOptions.DisableFormatting);
            return httpContext.Response.WriteAsync(text, Encoding.UTF8);
        }
    }
}
