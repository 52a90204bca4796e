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

    /// <summary>
    /// <c>login_dowith.jsp</c> as its public copies behave (T1, T2): it starts with <c>session.invalidate();
    /// getSession(true)</c>, so every answer sets a fresh <c>JSESSIONID</c>, a refusal included, and the caller's own
    /// session ends. Success is a <c>302</c> to <c>main.jsp</c>; wrong credentials a 200 page with
    /// <c>alert("对不起，您输入的…")</c>; a user logged in in another live session a 200 page with WCM's confirm
    /// "用户[…]已在[IP]登录! 强行登录?" (ERR_USER_LOGINED) unless <c>ForceKick=true</c>, which logs that session out.
    /// </summary>
    public static async Task<IResult> Login(HttpContext context, ApprovalEmulator approval)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        lock (approval.Gate)
        {
            // session.invalidate(); request.getSession(true) — before anything else (T1).
            approval.Sessions.Invalidate(request.Cookies[SessionCookie]);
            var session = approval.Sessions.Open(approval.Settings.SessionLifetime);
            context.Response.Cookies.Append(SessionCookie, session, new CookieOptions
            {
                Path = $"{request.PathBase}/{ApprovalEmulator.ChannelName}/wcm",
                HttpOnly = true,
            });

            var user = form?["UserName"].ToString() ?? "";
            var password = form?["PassWord"].ToString() ?? "";
            if (approval.Settings.RefuseLogins
                || user != SandboxCredentials.ApprovalUserName
                || password != SandboxCredentials.ApprovalPassword)
            {
                approval.Sessions.Refused();
                approval.Stats.ErrorAnswered("login-refused");
                return LoginPage(user, "alert( \"对不起，您输入的用户名或密码不正确！\" );\n\t\twindow.location.href=\"../login.jsp\";", logined: false);
            }

            if (approval.Sessions.LoggedInElsewhere(user, session))
            {
                if (form?["ForceKick"].ToString() != "true")
                {
                    approval.Sessions.RefusedAsLoggedIn();
                    approval.Stats.ErrorAnswered("ERR_USER_LOGINED");
                    var ip = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
                    return LoginPage(
                        user,
                        $"var confirmMsg = \"用户[{user}]已在[{ip}]登录!\\r\\n强行登录?\";\n\t\tif(confirm(confirmMsg)){{ document.frmAction.submit(); }}",
                        logined: true);
                }

                approval.Sessions.Kick(user, session);
            }

            approval.Sessions.LogIn(session, user, approval.Settings.SessionLifetime);
            return Results.Redirect("main.jsp");
        }
    }

    private static IResult LoginPage(string? user, string script, bool logined)
    {
        var name = System.Net.WebUtility.HtmlEncode(user ?? "");
        var html = $"""
            <!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">
            <HTML>
            <HEAD><TITLE></TITLE><meta http-equiv="Content-Type" content="text/html; charset=UTF-8" /></HEAD>
            <BODY>
            <form name="frmAction" action="login_dowith.jsp" method="post" target="_self" style="display:none">
            <INPUT TYPE="hidden" name="UserName" value="{name}">
            <INPUT TYPE="hidden" name="ForceKick" value="true">
            </form>
            <SCRIPT LANGUAGE="JavaScript">
            	var bLogined = {(logined ? "true" : "false")};
            	{script}
            </SCRIPT>
            </BODY>
            </HTML>
            """;
        return Results.Content(html, "text/html; charset=UTF-8", System.Text.Encoding.UTF8);
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

    /// <summary>
    /// The raw file bytes (whatever the Content-Type says), with its extension in the <c>FileExt</c> header and
    /// <c>TargetFlag</c> <c>U0</c> (default) or <c>W0</c> (a body picture, stored under a <c>W0…</c> name; T3, reference §1.5, §1.8).
    /// </summary>
    public static async Task<IResult> Upload(HttpContext context, ApprovalEmulator approval)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        string? extension = context.Request.Headers["FileExt"];
        string? flag = context.Request.Headers["TargetFlag"];
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

            if (flag is { Length: > 0 } && flag is not ("U0" or "W0"))
            {
                return WcmReply.BadParameter(approval, "TargetFlag", $"U0 (attachments, the default) or W0 (pictures shown in the body); got '{flag}'");
            }

            if (buffer.Length == 0)
            {
                return WcmReply.BadParameter(approval, "file", "the body (the file's bytes) is empty");
            }

            var file = approval.Store.Upload(flag is { Length: > 0 } ? flag : "U0", extension.ToLowerInvariant(), buffer.ToArray());
            return WcmReply.Xml(new System.Xml.Linq.XElement("Result", new System.Xml.Linq.XElement("ShowName", file.ShowName)));
        }
    }

    private static bool LoggedIn(HttpContext context, ApprovalEmulator approval) =>
        approval.Sessions.Touch(context.Request.Cookies[SessionCookie], approval.Settings.SessionLifetime);

    private static IResult NotLoggedIn(ApprovalEmulator approval) =>
        WcmReply.Fault(approval, WcmReply.NotLoggedIn, "用户未登录或登录超时！", "log in again", notLoggedIn: true);
}
