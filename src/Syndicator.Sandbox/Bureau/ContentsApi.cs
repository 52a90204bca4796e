using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// The SSCMS 7.4.0 v1 contents API. There is no PUT and no DELETE: routing answers them 405 with <c>Allow</c>,
/// exactly as the real server does.
/// </summary>
internal static class ContentsApi
{
    public static RouteGroupBuilder MapContentsApi(this RouteGroupBuilder bureau)
    {
        // Ping is one of SSCMS's unauthenticated APIs.
        bureau.MapGet("/api/v1/ping", static () => TypedResults.Text("pong"));

        var contents = bureau.MapGroup("/api/v1/contents").AddEndpointFilter(BureauAuth.RequireContentsScope);
        contents.MapPost("", List);
        contents.MapPost("/{siteId:int}/{channelId:int}", Create);
        contents.MapGet("/{siteId:int}/{channelId:int}/{id:int}", Get);
        contents.MapPost("/{siteId:int}/{channelId:int}/{id:int}/actions/update", Update);
        contents.MapPost("/{siteId:int}/{channelId:int}/{id:int}/actions/delete", Delete);
        return bureau;
    }

    public static async Task<IResult> Create(int siteId, int channelId, HttpContext context, BureauEmulator bureau)
    {
        var (body, problem) = await BureauResults.ReadJsonAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var patch = ContentPatch.Parse(body, out var errors);
        if (patch is null)
        {
            return BureauResults.Invalid(context, errors);
        }

        if (!BureauSite.Exists(siteId, channelId))
        {
            return BureauResults.NotFound();
        }

        var content = bureau.Store.Create(siteId, channelId, patch);
        bureau.Stats.Created();
        return BureauResults.Content(content);
    }

    public static IResult Get(int siteId, int channelId, int id, BureauEmulator bureau) =>
        BureauSite.Exists(siteId, channelId) && bureau.Store.Get(id) is { } content
            ? BureauResults.Content(content)
            : BureauResults.NotFound();

    public static async Task<IResult> Update(int siteId, int channelId, int id, HttpContext context, BureauEmulator bureau)
    {
        var (body, problem) = await BureauResults.ReadJsonAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var patch = ContentPatch.Parse(body, out var errors);
        if (patch is null)
        {
            return BureauResults.Invalid(context, errors);
        }

        if (!BureauSite.Exists(siteId, channelId) || bureau.Store.Update(id, patch) is not { } content)
        {
            return BureauResults.NotFound();
        }

        bureau.Stats.Updated();
        return BureauResults.Content(content);
    }

    public static IResult Delete(int siteId, int channelId, int id, BureauEmulator bureau)
    {
        if (!BureauSite.Exists(siteId, channelId) || bureau.Store.Delete(id) is not { } content)
        {
            return BureauResults.NotFound();
        }

        bureau.Stats.Deleted();
        return BureauResults.Content(content);
    }

    public static async Task<IResult> List(HttpContext context, BureauEmulator bureau)
    {
        var (body, problem) = await BureauResults.ReadJsonAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        ContentQuery? query;
        try
        {
            query = body.Deserialize<ContentQuery>(SandboxJson.Options);
        }
        catch (JsonException exception)
        {
            return BureauResults.Invalid(context, new Dictionary<string, string[]> { [exception.Path ?? "$"] = [exception.Message] });
        }

        // SSCMS lists the site's root channel (and so every channel) when none is named.
        var channelId = query?.ChannelId is > 0 ? query.ChannelId.Value : query?.SiteId ?? 0;
        if (query is null || !BureauSite.Exists(query.SiteId, channelId))
        {
            return BureauResults.NotFound();
        }

        var scope = BureauSite.Scope(channelId);
        try
        {
            var (totalCount, page) = query.Run(bureau.Store.All().Where(c => c.ChannelId > 0 && scope.Contains(c.ChannelId)));
            var first = ((query.EffectivePage - 1) * query.EffectivePerPage) + 1;
            var items = page.Select((content, index) => ContentListItem.From(content, first + index)).ToList();
            return TypedResults.Json(new { totalCount, contents = items }, SandboxJson.Options, "application/json; charset=utf-8");
        }
        catch (ContentQueryException exception)
        {
            return BureauResults.ServerFault(exception.Message, bureau.Store.LocalNow());
        }
    }
}
