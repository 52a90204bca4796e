using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// WCM's HTTP endpoints below <c>/approval/wcm</c>: the login form <c>app/login_dowith.jsp</c>, the RPC
/// <c>center.do</c> and the upload <c>fileuploader.do</c>. The session travels as the <c>JSESSIONID</c> cookie.
/// </summary>
internal static class WcmEndpoints
{
    public const string SessionCookie = "JSESSIONID";

    public static RouteGroupBuilder MapWcmEndpoints(this RouteGroupBuilder approval)
    {
        approval.MapPost("/wcm/app/login_dowith.jsp", Login).DisableAntiforgery();
        approval.MapMethods("/wcm/center.do", [HttpMethods.Get, HttpMethods.Post], Center);
        approval.MapPost("/wcm/fileuploader.do", Upload);
        return approval;
    }

    /// <summary>Form fields <c>UserName</c> and <c>PassWord</c>; success sets the session cookie and answers <c>&lt;result&gt;true&lt;/result&gt;</c>.</summary>
    public static async Task<IResult> Login(HttpContext context, ApprovalEmulator approval)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            return WcmReply.BadParameter(approval, "UserName", "the login must be a form post (application/x-www-form-urlencoded) of UserName and PassWord");
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        lock (approval.Gate)
        {
            if (approval.Settings.RefuseLogins
                || form["UserName"] != SandboxCredentials.ApprovalUserName
                || form["PassWord"] != SandboxCredentials.ApprovalPassword)
            {
                approval.Sessions.Refused();
                return WcmReply.Fault(approval, WcmReply.LoginFailed, "用户名或密码错误");
            }

            var session = approval.Sessions.Open(approval.Settings.SessionLifetime);
            context.Response.Cookies.Append(SessionCookie, session, new CookieOptions
            {
                Path = $"{request.PathBase}/{ApprovalEmulator.ChannelName}/wcm",
                HttpOnly = true,
            });
            return WcmReply.Result("true");
        }
    }

    public static async Task<IResult> Center(HttpContext context, ApprovalEmulator approval)
    {
        var (call, problem) = await PostData.ReadAsync(context.Request);
        lock (approval.Gate)
        {
            if (!LoggedIn(context, approval))
            {
                return NotLoggedIn(approval);
            }

            if (call is null)
            {
                return WcmReply.BadParameter(approval, "post-data", problem!);
            }

            var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{ApprovalEmulator.ChannelName}{ApprovalPages.SitePath}";
            return new ApprovalMethods(approval, call, origin).Invoke();
        }
    }

    /// <summary>The raw file bytes (whatever the Content-Type says), with its extension in the <c>FileExt</c> header.</summary>
    public static async Task<IResult> Upload(HttpContext context, ApprovalEmulator approval)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        string? extension = context.Request.Headers["FileExt"];
        lock (approval.Gate)
        {
            if (!LoggedIn(context, approval))
            {
                return NotLoggedIn(approval);
            }

            if (string.IsNullOrWhiteSpace(extension) || extension.Length > 10 || !extension.All(char.IsAsciiLetterOrDigit))
            {
                return WcmReply.BadParameter(approval, "FileExt", "the header must name the file's extension: 1-10 ASCII letters or digits");
            }

            if (buffer.Length == 0)
            {
                return WcmReply.BadParameter(approval, "file", "the body (the file's bytes) is empty");
            }

            var file = approval.Store.Upload(extension.ToLowerInvariant(), buffer.ToArray());
            return WcmReply.Xml(new System.Xml.Linq.XElement("Result", new System.Xml.Linq.XElement("ShowName", file.ShowName)));
        }
    }

    private static bool LoggedIn(HttpContext context, ApprovalEmulator approval) =>
        approval.Sessions.Touch(context.Request.Cookies[SessionCookie], approval.Settings.SessionLifetime);

    private static IResult NotLoggedIn(ApprovalEmulator approval) =>
        WcmReply.Fault(approval, WcmReply.NotLoggedIn, "用户未登录或登录超时！", "log in again", notLoggedIn: true);
}
