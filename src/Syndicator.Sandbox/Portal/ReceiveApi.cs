using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// <c>POST /jcms/interface/receive.jsp</c>: the one endpoint of the receive interface. The body is the XML
/// document whatever the Content-Type says (the public client labels it form-urlencoded, reference §2.1 [H1]).
/// Credentials are read from the document's <c>userid</c>/<c>password</c>, else from the query string (the old form).
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

        var (request, code, message) = PortalRequest.Parse(body);
        portal.Requests.Add(context.Request, CredentialsIn(request, context.Request));
        if (request is null)
        {
            return Refuse(portal, code, message);
        }

        if (Authenticate(request, context.Request) is { } refused)
        {
            return Refuse(portal, refused.Code, refused.Message);
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
        return PortalReply.Article(article, origin);
    }

    private static IResult Update(PortalEmulator portal, PortalRequest request, string origin)
    {
        if (portal.Store.Update(request.ArticleId!.Value, request.Fields) is not { } article)
        {
            return Refuse(portal, PortalErrors.NoSuchArticle, $"信息不存在：articleid={request.ArticleId}");
        }

        portal.Stats.Updated();
        return PortalReply.Article(article, origin);
    }

    private static IResult Delete(PortalEmulator portal, PortalRequest request, string origin)
    {
        if (portal.Store.Delete(request.ArticleId!.Value) is not { } article)
        {
            return Refuse(portal, PortalErrors.NoSuchArticle, $"信息不存在：articleid={request.ArticleId}");
        }

        portal.Stats.Deleted();
        return PortalReply.Article(article, origin);
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
        return PortalReply.Query(matches, QueryPageSize, origin);
    }

    private static (string Code, string Message)? Authenticate(PortalRequest request, HttpRequest http)
    {
        var userId = request.UserId ?? http.Query["userid"].FirstOrDefault();
        var password = request.UserId is null ? http.Query["password"].FirstOrDefault() : request.Password;
        if (!string.Equals(userId, SandboxCredentials.PortalUserId, StringComparison.Ordinal))
        {
            return (PortalErrors.UnknownUser, "用户不存在");
        }

        return string.Equals(password, SandboxCredentials.PortalPassword, StringComparison.Ordinal)
            ? null
            : (PortalErrors.WrongPassword, "密码错误");
    }

    private static string CredentialsIn(PortalRequest? request, HttpRequest http) =>
        request?.UserId is not null || request?.Password is not null ? "body"
        : http.Query.ContainsKey("userid") || http.Query.ContainsKey("password") ? "query"
        : "none";

    private static IResult Refuse(PortalEmulator portal, string code, string message)
    {
        portal.Stats.ErrorAnswered(code);
        return PortalReply.Error(code, message);
    }
}
