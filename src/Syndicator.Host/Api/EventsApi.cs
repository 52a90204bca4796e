using System.Globalization;
using System.Security.Claims;
using Syndicator.Core.Application;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;

namespace Syndicator.Host.Api;

/// <summary>
/// <c>/api/events</c>: the subscriptions with their queues (never a secret), the events they received, and replay
/// (docs/events.md). Thin: <see cref="EventsService"/> decides.
/// </summary>
internal static class EventsApi
{
    /// <summary>How many events a listing returns when no limit is given.</summary>
    public const int DefaultLimit = 50;

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events/subscriptions", Subscriptions).RequireAuthorization(Scopes.Read);
        app.MapGet("/api/events", List).RequireAuthorization(Scopes.Read);
        app.MapPost("/api/events/replay", Replay).RequireAuthorization(Scopes.Operate);
        return app;
    }

    private static async Task<IResult> Subscriptions(EventsService events, CancellationToken cancellationToken) =>
        TypedResults.Ok((await events.SubscriptionsAsync(cancellationToken)).Select(SubscriptionJson.From));

    private static async Task<IResult> List(
        string? subscription, string? failed, string? itemId, string? limit, EventsService events, CancellationToken cancellationToken)
    {
        var count = DefaultLimit;
        if (limit is not null && !int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad query.", "limit",
                $"limit must be a whole number from 1 to {EventsService.MaxLimit} (default {DefaultLimit}).");
        }

        if (failed is not (null or "true" or "false"))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad query.", "failed", "failed must be true or false.");
        }

        var answer = await events.ListAsync(subscription, failed == "true", itemId, count, cancellationToken);
        return answer.Refusal is { } refusal ? refusal.ToProblem() : TypedResults.Ok(answer.Value!.Select(EventJson.From));
    }

    private static async Task<IResult> Replay(HttpRequest request, ClaimsPrincipal user, EventsService events, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReplayRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var answer = await events.ReplayAsync(body!.Since, body.Subscription, ItemsApi.Actor(user), cancellationToken);
        return answer.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Ok(new ReplayAnswer(answer.Value!.Values.Sum(), answer.Value!));
    }
}

/// <summary>The body of <c>POST /api/events/replay</c>.</summary>
public sealed record ReplayRequest(DateTimeOffset? Since, string? Subscription);

/// <summary>What a replay queued: in all and per subscription.</summary>
public sealed record ReplayAnswer(int Queued, IReadOnlyDictionary<string, int> Subscriptions);

/// <summary>A subscription as <c>GET /api/events/subscriptions</c> shows it (never its secret).</summary>
public sealed record SubscriptionJson(
    string Name, Uri Url, IReadOnlyList<string> Types, IReadOnlyList<string> Channels, int Pending, int Failed,
    DateTimeOffset? LastDeliveredAt, string Circuit, DateTimeOffset? OpenUntil)
{
    public static SubscriptionJson From(SubscriptionView v) =>
        new(v.Name, v.Url, v.Types, v.Channels, v.Counts.Pending, v.Counts.Failed, v.Counts.LastDeliveredAt, v.Circuit, v.OpenUntil);
}

/// <summary>An event as one subscription received it, as <c>GET /api/events</c> lists it.</summary>
public sealed record EventJson(
    string Id, string Type, string ItemId, int? Revision, string? Channel, DateTimeOffset OccurredAt, string Subscription, string Status,
    int Attempts, DateTimeOffset? NextAttemptAt, string? LastError, string? LastCode, DateTimeOffset? DeliveredAt)
{
    public static EventJson From(EventDeliveryRecord r) =>
        new(r.Event.Id, r.Event.Type, r.Event.ItemId, r.Event.Revision, r.Event.Channel, r.Event.OccurredAt, r.Subscription,
            EventWireNames.Of(r.Status), r.Attempts, r.NextAttemptAt, r.LastError, r.LastCode, r.DeliveredAt);
}
