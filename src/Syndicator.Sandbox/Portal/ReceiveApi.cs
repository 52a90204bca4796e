using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// <c>POST /jcms/interface/receive.jsp</c>: the one endpoint of the receive interface (platform-truth §4). The body is
/// the raw XML document whatever the Content-Type says (the public client labels it form-urlencoded, §4). The
/// credentials are read only where the site's settings say (default: the query string's <c>userid</c> and
/// <c>password</c>, as the public client sends them, §4).
/// </summary>
internal static class ReceiveApi
{
    private const int QueryPageSize = 50;

    public static RouteGroupBuilder MapReceiveApi(this RouteGroupBuilder portal)
    {
        portal.MapPost(PortalSite.ReceivePath, Receive);
        return portal;
    }

    public static async Task<IResult> Receive(HttpContext context, PortalEmulator portal)
    {
        // Not cancelled when the caller goes away: like a real server, the emulator finishes a request it has received.
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, CancellationToken.None);
        body.Position = 0;

        var settings = portal.Settings;
        var (request, code, message) = PortalRequest.Parse(body, settings);
        portal.Requests.Add(context.Request, CredentialsIn(request, context.Request));
        if (request is null)
        {
            return Refuse(portal, code, message);
        }

        if (Authenticate(settings, request, context.Request) is { } refused)
        {
            return Refuse(portal, PortalErrors.Credentials, refused);
        }

        if (request.Missing() is { } missing)
        {
            return Refuse(portal, missing.Code, missing.Message);
        }

        var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{PortalEmulator.ChannelName}";
        return request.Status switch
        {
            "A" => Add(portal, request, origin),
            "U" => Update(portal, request, origin),
            "D" => Delete(portal, request, origin),
            _ => Query(portal, request, origin),
        };
    }

    private static IResult Add(PortalEmulator portal, PortalRequest request, string origin)
    {
        var article = portal.Store.Create(request.Fields);
        portal.Stats.Created();
        return PortalReply.Article(portal.Settings, article, origin);
    }

    private static IResult Update(PortalEmulator portal, PortalRequest request, string origin)
    {
        if (portal.Store.Update(request.ArticleId!.Value, request.Fields) is not { } article)
        {
            return Refuse(portal, PortalErrors.NoSuchArticle, $"信息不存在：articleid={request.ArticleId}");
        }

        portal.Stats.Updated();
        return PortalReply.Article(portal.Settings, article, origin);
    }

    // A second delete of the same article answers success again; an id the portal never had is refused.
    private static IResult Delete(PortalEmulator portal, PortalRequest request, string origin)
    {
        if (portal.Store.Delete(request.ArticleId!.Value) is not { } article)
        {
            return Refuse(portal, PortalErrors.NoSuchArticle, $"信息不存在：articleid={request.ArticleId}");
        }

        portal.Stats.Deleted();
        return PortalReply.Article(portal.Settings, article, origin);
    }

    // Matches live articles on every criterion sent (articleid, sourceid, columnid); none sent lists them all.
    private static IResult Query(PortalEmulator portal, PortalRequest request, string origin)
    {
        var fields = request.Fields;
        var matches = portal.Store.All()
            .Where(a => !a.Deleted)
            .Where(a => request.ArticleId is null || a.Id == request.ArticleId)
            .Where(a => fields.SourceId is null || string.Equals(a.SourceId, fields.SourceId, StringComparison.Ordinal))
            .Where(a => fields.ColumnId is null || a.ColumnId == fields.ColumnId)
            .OrderByDescending(static a => a.Id)
            .ToList();
        return PortalReply.Query(portal.Settings, matches, QueryPageSize, origin);
    }

    /// <summary>The credentials from the one place the site reads them; credentials elsewhere do not count.</summary>
    private static string? Authenticate(PortalSettings settings, PortalRequest request, HttpRequest http)
    {
        var (userId, password) = settings.Credentials switch
        {
            "xml" => (request.UserId, request.Password),
            "header" => (http.Headers["userid"].FirstOrDefault(), http.Headers["password"].FirstOrDefault()),
            _ => (http.Query["userid"].FirstOrDefault(), http.Query["password"].FirstOrDefault()),
        };
        if (!string.Equals(userId, SandboxCredentials.PortalUserId, StringComparison.Ordinal))
        {
            return userId is null ? "缺少用户名或密码" : "用户不存在";
        }

        return string.Equals(password, SandboxCredentials.PortalPassword, StringComparison.Ordinal) ? null : "用户名或密码错误";
    }

    private static string CredentialsIn(PortalRequest? request, HttpRequest http) =>
        request?.UserId is not null || request?.Password is not null ? "xml"
        : http.Query.ContainsKey("userid") || http.Query.ContainsKey("password") ? "query"
        : http.Headers.ContainsKey("userid") || http.Headers.ContainsKey("password") ? "header"
        : "none";

    private static IResult Refuse(PortalEmulator portal, string code, string message)
    {
        portal.Stats.ErrorAnswered(code);
        return PortalReply.Error(portal.Settings, message);
    }
}
