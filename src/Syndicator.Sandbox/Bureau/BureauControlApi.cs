using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// An addition to the control API (not part of the DESIGN §7 contract), under <c>/_sandbox/bureau</c>:
/// <c>GET /settings</c> → the settings; <c>POST /settings</c> with any of <c>{"version": "7.4.0",
/// "contentFilePathRule": "/contents/{@channelId}/{@contentId}.html", "siteDir": "", "bodyClass": "article-content",
/// "database": "postgresql", "channelsWithoutRights": []}</c> → 200 with the settings now in force; 400 validation
/// problem (nothing applied) on an unknown field or a bad value. <c>POST /_sandbox/reset</c> restores the defaults.
/// </summary>
internal static class BureauControlApi
{
    public static RouteGroupBuilder MapBureauControlApi(this RouteGroupBuilder control)
    {
        control.MapGet("/settings", static (BureauEmulator bureau) => TypedResults.Ok(bureau.Settings.ToJson()));
        control.MapPost("/settings", SetSettings);
        return control;
    }

    public static async Task<IResult> SetSettings(HttpRequest request, BureauEmulator bureau)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: CancellationToken.None);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [exception.Message] });
        }

        var errors = BureauSettings.Validate(body);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "The bureau settings are not valid.")
            : TypedResults.Ok(bureau.Apply(body).ToJson());
    }
}
