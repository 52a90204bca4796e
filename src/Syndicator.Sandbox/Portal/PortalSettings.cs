using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// How the emulated portal's receive interface is set up, as a JCMS site's administrators set up theirs (platform-truth
/// §4: the envelope and the reply are per-portal). The defaults are the one public client's form: credentials in the
/// query string, any Content-Type over a raw XML body, no operation element (every call adds), no update, delete or
/// query. Tests turn them through <c>POST /_sandbox/portal/settings</c>; <c>POST /_sandbox/reset</c> restores them.
/// </summary>
internal sealed record PortalSettings
{
    /// <summary>Where the interface reads the credentials: <c>query</c> (default, §4), <c>xml</c> or <c>header</c>. Only there.</summary>
    public string Credentials { get; init; } = "query";

    /// <summary>The root element the site's template uses. Default <c>main</c> (gov-cms-protocols §2.2 [H5]).</summary>
    public string Root { get; init; } = "main";

    /// <summary>The element naming the operation; empty (default): every call is an add, as the public client's are (§4).</summary>
    public string OperationElement { get; init; } = "";

    /// <summary>The site accepts updates (operation <c>U</c>). Default false: nothing public shows one (§4).</summary>
    public bool SupportsUpdate { get; init; }

    /// <summary>The site accepts deletes (operation <c>D</c>). Default false (§4).</summary>
    public bool SupportsDelete { get; init; }

    /// <summary>The site answers queries (operation <c>Q</c>). Default false (§4).</summary>
    public bool SupportsQuery { get; init; }

    /// <summary>
    /// The answer's shape: <c>result</c> (default: <c>&lt;result&gt;</c> with <c>success</c>, <c>message</c> — 成功 on
    /// success, as JCMS's ldap/receive.jsp answers [H2] — <c>articleid</c> and <c>url</c>), <c>html</c> (an HTML page
    /// that says nothing a client can read) or <c>other</c> (another root, another vocabulary). No public source shows
    /// the reply (§4), so a client must cope with any; the work is done whatever the shape.
    /// </summary>
    public string Reply { get; init; } = "result";

    /// <summary>The id of the element holding the article's text on its page. Default <c>zoom</c>, as Hanweb templates name it.</summary>
    public string BodyId { get; init; } = "zoom";

    /// <summary>The settings the sandbox starts (and resets) with: adds only, or a site that takes changes (<see cref="SandboxOptions.PortalTakesChanges"/>).</summary>
    public static PortalSettings Initial(bool takesChanges) => takesChanges
        ? new PortalSettings { OperationElement = "status", SupportsUpdate = true, SupportsDelete = true, SupportsQuery = true }
        : new PortalSettings();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>Problems with the settings; empty when they can be applied.</summary>
    public IEnumerable<string> Problems()
    {
        if (Credentials is not ("query" or "xml" or "header"))
        {
            yield return $"credentials must be query, xml or header; got '{Credentials}'";
        }

        if (Reply is not ("result" or "html" or "other"))
        {
            yield return $"reply must be result, html or other; got '{Reply}'";
        }

        if (string.IsNullOrWhiteSpace(Root) || string.IsNullOrWhiteSpace(BodyId))
        {
            yield return "root and bodyId must not be empty";
        }

        if ((SupportsUpdate || SupportsDelete || SupportsQuery) && string.IsNullOrWhiteSpace(OperationElement))
        {
            yield return "operationElement is required when update, delete or query is supported";
        }
    }
}

/// <summary><c>GET|POST /_sandbox/portal/settings</c>: read or replace the portal's settings (fields absent keep their default).</summary>
internal static class PortalSettingsApi
{
    public static RouteGroupBuilder MapPortalSettingsApi(this RouteGroupBuilder control)
    {
        control.MapGet("/settings", (PortalEmulator portal) => TypedResults.Json(portal.Settings, SandboxJson.Options));
        control.MapPost("/settings", async (HttpRequest request, PortalEmulator portal) =>
        {
            PortalSettings? settings;
            try
            {
                settings = await JsonSerializer.DeserializeAsync<PortalSettings>(request.Body, PortalSettings.Json, CancellationToken.None);
            }
            catch (JsonException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }

            var problems = settings?.Problems().ToList() ?? ["a JSON object is required"];
            if (problems.Count > 0)
            {
                return Results.BadRequest(new { error = string.Join("; ", problems) });
            }

            portal.Settings = settings!;
            return Results.Json(portal.Settings, SandboxJson.Options);
        });
        return control;
    }
}
