using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Webhook;

/// <summary>
/// <c>POST /webhook/events</c>: verifies the signature (401 when it does not hold), answers a <c>webhook-id</c> seen
/// before with the answer it got then, and applies <c>item.published</c>, <c>item.updated</c>, <c>item.withdrawn</c>
/// and <c>webhook.ping</c> (docs/channels/webhook.md). Answers <c>{"id", "url"}</c>.
/// </summary>
internal static class WebhookReceiver
{
    /// <summary>The largest body read; a larger one is refused with 413.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    public static async Task<IResult> ReceiveAsync(HttpContext context, WebhookEmulator emulator, TimeProvider time)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // A real server goes on with a request it has received even when the caller has gone (a crash, a timeout):
        // the body is read to its end regardless, within the bound.
        var body = await BoundedBody.ReadAsync(request.Body, MaxBodyBytes);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (WebhookSignature.Problem(request.Headers, body, WebhookEmulator.Secret, time.GetUtcNow()) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused.", detail: problem);
        }

        JsonObject message;
        try
        {
            message = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) as JsonObject
                ?? throw new JsonException("the body is not a JSON object");
        }
        catch (JsonException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a JSON object.", detail: ex.Message);
        }

        var type = message["type"]?.GetValue<string>();
        var data = message["data"] as JsonObject;
        if (type is not (WebhookEvents.Published or WebhookEvents.Updated or WebhookEvents.Withdrawn or WebhookEvents.Ping)
            || data is null || (type != WebhookEvents.Ping && data["itemId"]?.GetValue<string>() is not { Length: > 0 }))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown event.",
                detail: $"type '{type}' is not one of item.published, item.updated, item.withdrawn, webhook.ping, or data.itemId is missing");
        }

        var (answer, duplicate) = emulator.Store.Once(request.Headers["webhook-id"].ToString(),
            articles => WebhookEvents.Apply(type, data, articles, emulator, time.GetUtcNow()));
        if (duplicate)
        {
            emulator.Store.CountDuplicate();
        }

        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        if (answer["url"]?.GetValue<string>() is { } path && path.StartsWith('/'))
        {
            answer["url"] = origin + path;
        }

        return TypedResults.Json(answer, SandboxJson.Options);
    }
}
