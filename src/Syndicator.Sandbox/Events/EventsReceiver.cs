using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Syndicator.Sandbox.Channels;
using Syndicator.Sandbox.Faults;
using Syndicator.Sandbox.Webhook;

namespace Syndicator.Sandbox.Events;

/// <summary>
/// <c>POST /_sandbox/events</c>: what a careful approval system does with an event — checks the signature (401 when it
/// does not hold, recorded as unverified), takes a <c>webhook-id</c> it has seen before as done (200, counted, not
/// applied twice), and answers 204. The channel <c>events</c>'s faults come first: a status fault answers that status
/// (a receiver that is down), a reset drops the connection, a latency fault waits, and commit-then-reset records the
/// event and then drops the connection.
/// </summary>
internal static class EventsReceiver
{
    /// <summary>The largest event read; a larger one is refused with 413.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<IResult> ReceiveAsync(HttpContext context, SandboxChannels channels, EventsEmulator events, TimeProvider time)
    {
        var request = context.Request;
        var now = time.GetUtcNow();
        events.Stats.RequestReceived();
        var fault = channels.TryGet(EventsEmulator.ChannelName, out var channel) ? channel.Faults.TryHit("/", now) : null;
        if (fault is { Kind: FaultKind.Status or FaultKind.WechatErrcode })
        {
            events.Stats.FaultInjected();
            return TypedResults.StatusCode(fault.Kind == FaultKind.Status ? fault.Status : StatusCodes.Status500InternalServerError);
        }

        if (fault is { Kind: FaultKind.Reset })
        {
            events.Stats.FaultInjected();
            context.Abort();
            return TypedResults.Empty;
        }

        if (fault is { Kind: FaultKind.Latency })
        {
            events.Stats.FaultInjected();
            await Task.Delay(fault.Latency, time, CancellationToken.None);
        }

        if (request.ContentLength > MaxBodyBytes || await BoundedBody.ReadAsync(request.Body, MaxBodyBytes) is not { } body)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var problem = WebhookSignature.Problem(request.Headers, body, SandboxCredentials.EventsSecret, now);
        var payload = Parse(body);
        var id = request.Headers["webhook-id"].ToString();
        var duplicate = id.Length > 0 && events.Store.Record(id, payload?["type"]?.GetValue<string>(), problem, payload, now);
        if (fault is { Kind: FaultKind.CommitThenReset })
        {
            events.Stats.FaultInjected();
            context.Abort();
            return TypedResults.Empty;
        }

        if (problem is not null)
        {
            events.Stats.ErrorAnswered(StatusCodes.Status401Unauthorized);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signature refused.", detail: problem);
        }

        if (payload is null)
        {
            events.Stats.ErrorAnswered(StatusCodes.Status400BadRequest);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not a JSON object with a type.");
        }

        return duplicate ? TypedResults.Ok() : TypedResults.NoContent();
    }

    private static JsonObject? Parse(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }) is JsonObject o
                && o["type"] is JsonValue type && type.TryGetValue<string>(out _) ? o : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
