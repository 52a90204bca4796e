using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// An addition to the control API (not part of the DESIGN §7 contract), under <c>/_sandbox/approval</c>:
/// <list type="bullet">
/// <item><c>GET /settings</c> → the settings; <c>POST /settings</c> with any of <c>{"sessionLifetimeSeconds": 1800,
/// "refuseLogins": false, "faultStatus": 200|500, "returnDocPubUrl": false, "viewChannels": [101, 102],
/// "viewFields": […], "viewTitleField": "DOCTITLE", "viewBodyField": "DOCHTMLCON"}</c> → 200 with the settings now in force; 400 validation problem
/// (nothing applied) on an unknown field or a value out of range.</item>
/// <item><c>GET /sessions</c> → <c>{"active", "logins", "refusedLogins", "loginedRefusals", "kicked"}</c>.</item>
/// <item><c>POST /sessions/expire</c> → ends every session now: <c>{"expired": n}</c>.</item>
/// </list>
/// <c>POST /_sandbox/reset</c> restores the defaults and forgets sessions and login counts.
/// </summary>
internal static class ApprovalControlApi
{
    public static RouteGroupBuilder MapApprovalControlApi(this RouteGroupBuilder control)
    {
        control.MapGet("/settings", GetSettings);
        control.MapPost("/settings", SetSettings);
        control.MapGet("/sessions", GetSessions);
        control.MapPost("/sessions/expire", ExpireSessions);
        return control;
    }

    public static IResult GetSettings(ApprovalEmulator approval)
    {
        lock (approval.Gate)
        {
            return TypedResults.Ok(approval.Settings.ToJson());
        }
    }

    public static async Task<IResult> SetSettings(HttpRequest request, ApprovalEmulator approval)
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

        var errors = ApprovalSettings.Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The approval settings are not valid.");
        }

        lock (approval.Gate)
        {
            approval.Settings.Apply(body);
            return TypedResults.Ok(approval.Settings.ToJson());
        }
    }

    public static IResult GetSessions(ApprovalEmulator approval)
    {
        lock (approval.Gate)
        {
            return TypedResults.Ok(new JsonObject
            {
                ["active"] = approval.Sessions.Active(),
                ["logins"] = approval.Sessions.Logins,
                ["refusedLogins"] = approval.Sessions.RefusedLogins,
                ["loginedRefusals"] = approval.Sessions.LoginedRefusals,
                ["kicked"] = approval.Sessions.Kicked,
            });
        }
    }

    public static IResult ExpireSessions(ApprovalEmulator approval)
    {
        lock (approval.Gate)
        {
            return TypedResults.Ok(new JsonObject { ["expired"] = approval.Sessions.ExpireAll() });
        }
    }
}
