using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// The SSCMS 7.x v1 contents API and the ping routes. There is no PUT and no DELETE: routing answers them 405 with
/// <c>Allow</c>, exactly as the real server does. Each rule names its fact in reference/platform-truth.md §1.
/// </summary>
internal static class ContentsApi
{
    public static RouteGroupBuilder MapContentsApi(this RouteGroupBuilder bureau)
    {
        // S1: PingController is [Route("api/ping")], unauthenticated: "pong", and /status with the version.
        bureau.MapGet("/api/ping", static () => TypedResults.Text("pong"));
        bureau.MapGet("/api/ping/status", Status);

        // S1: there is no /api/v1/ping; a real 7.4.0 answers it with its 404 page. (Only this path is mapped to the page:
        // a catch-all would take GET on the POST-only contents routes, which SSCMS answers 405.)
        bureau.MapGet("/api/v1/ping", static () => BureauResults.NotFoundPage());

        var contents = bureau.MapGroup("/api/v1/contents").AddEndpointFilter(BureauAuth.RequireContentsScope);
        contents.MapPost("", List);
        contents.MapPost("/{siteId:int}/{channelId:int}", Create);
        contents.MapGet("/{siteId:int}/{channelId:int}/{id:int}", Get);
        contents.MapPost("/{siteId:int}/{channelId:int}/{id:int}/actions/update", Update);
        contents.MapPost("/{siteId:int}/{channelId:int}/{id:int}/actions/delete", Delete);
        return bureau;
    }

    /// <summary><c>PingController.Status</c>: the host's name, environment and version, whether the database answers (S1, S5).</summary>
    public static IResult Status(BureauEmulator bureau) => TypedResults.Json(
        new
        {
            name = "SSCMS-SANDBOX",
            env = "Production",
            containerized = false,
            version = bureau.Settings.VersionText,
            isDatabaseWorks = true,
            isRedisWorks = false,
        },
        SandboxJson.Options);

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

        var settings = bureau.Settings;
        if (settings.ChannelsWithoutRights.Contains(channelId))
        {
            return BureauResults.Unauthorized(context);
        }

        try
        {
            var content = bureau.Store.Create(siteId, channelId, patch, settings.EnforcesVarCharLength);
            bureau.Stats.Created();
            return BureauResults.Content(content);
        }
        catch (DatabaseRefusalException refusal)
        {
            bureau.Stats.ErrorAnswered(StatusCodes.Status500InternalServerError);
            return BureauResults.ServerFault(refusal.Message, bureau.Store.LocalNow());
        }
    }

    public static IResult Get(int siteId, int channelId, int id, HttpContext context, BureauEmulator bureau)
    {
        if (!BureauSite.Exists(siteId, channelId))
        {
            return BureauResults.NotFound();
        }

        // S8: the key's administrator needs rights on the channel (HasContentPermissionsAsync), checked before the content.
        if (bureau.Settings.ChannelsWithoutRights.Contains(channelId))
        {
            return BureauResults.Unauthorized(context);
        }

        return bureau.Store.Get(id) is { } content ? BureauResults.Content(content) : BureauResults.NotFound();
    }

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

        if (!BureauSite.Exists(siteId, channelId) || bureau.Store.Get(id) is null)
        {
            return BureauResults.NotFound();
        }

        var settings = bureau.Settings;
        if (settings.ChannelsWithoutRights.Contains(channelId))
        {
            return BureauResults.Unauthorized(context);
        }

        try
        {
            // S5: before 7.3.1 the route binds a whole Content and overwrites what was not sent, and answers 200.
            var content = settings.UpdateWipesUnsentFields
                ? bureau.Store.UpdateWipingUnsentFields(id, patch, settings.EnforcesVarCharLength)
                : bureau.Store.Update(id, patch, settings.EnforcesVarCharLength);
            if (content is null)
            {
                return BureauResults.NotFound();
            }

            if (settings.UpdateWipesUnsentFields)
            {
                content.Id = 0;
            }

            bureau.Stats.Updated();
            return BureauResults.Content(content);
        }
        catch (DatabaseRefusalException refusal)
        {
            bureau.Stats.ErrorAnswered(StatusCodes.Status500InternalServerError);
            return BureauResults.ServerFault(refusal.Message, bureau.Store.LocalNow());
        }
    }

    public static IResult Delete(int siteId, int channelId, int id, HttpContext context, BureauEmulator bureau)
    {
        if (!BureauSite.Exists(siteId, channelId))
        {
            return BureauResults.NotFound();
        }

        if (bureau.Settings.ChannelsWithoutRights.Contains(channelId))
        {
            return BureauResults.Unauthorized(context);
        }

        if (bureau.Store.Delete(id) is not { } content)
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

        // S8: List needs View rights on the channel (GetContentPermissionsChannelIdsAsync).
        var settings = bureau.Settings;
        if (settings.ChannelsWithoutRights.Contains(channelId))
        {
            return BureauResults.Unauthorized(context);
        }

        var scope = BureauSite.Scope(channelId);
        try
        {
            var (totalCount, page) = query.Run(bureau.Store.All().Where(c => c.ChannelId > 0 && scope.Contains(c.ChannelId)));
            var first = ((query.EffectivePage - 1) * query.EffectivePerPage) + 1;
            var items = page.Select((content, index) => ContentListItem.From(content, first + index, settings)).ToList();
            return TypedResults.Json(new { totalCount, contents = items }, SandboxJson.Options, "application/json; charset=utf-8");
        }
        catch (ContentQueryException exception)
        {
            return BureauResults.ServerFault(exception.Message, bureau.Store.LocalNow());
        }
    }
}
