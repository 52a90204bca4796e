using System.Security.Claims;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;

namespace Syndicator.Host.Api;

/// <summary><c>/api/deliveries</c>: one delivery with its attempts, retry (one or many), hand-off package and confirmation.</summary>
internal static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder app)
    {
        var deliveries = app.MapGroup("/api/deliveries");
        deliveries.MapGet("/{deliveryId}", Get).RequireAuthorization(Scopes.Read);
        deliveries.MapPost("/retry", RetryMany).RequireAuthorization(Scopes.Operate);
        deliveries.MapPost("/{deliveryId}/retry", Retry).RequireAuthorization(Scopes.Operate);
        deliveries.MapPost("/{deliveryId}/confirm", Confirm).RequireAuthorization(Scopes.Operate);
        deliveries.MapGet("/{deliveryId}/package", PackageView.GetAsync).RequireAuthorization(Scopes.Read);
        return app;
    }

    private static async Task<IResult> Get(string deliveryId, IDeliveryStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(deliveryId, cancellationToken) is not { } delivery)
        {
            return Problems.NotFound("delivery", deliveryId);
        }

        var attempts = await store.GetAttemptsAsync(deliveryId, cancellationToken);
        return TypedResults.Ok(new DeliveryDetailView(DeliveryView.From(delivery), attempts.Select(AttemptView.From).ToList()));
    }

    private static async Task<IResult> Retry(
        string deliveryId, ClaimsPrincipal user, IDeliveryStore store, DispatchSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var outcome = await store.RetryAsync(new DeliveryCommand(deliveryId, null, ItemsApi.Actor(user), time.GetUtcNow()), cancellationToken);
        return await Answer(outcome, deliveryId, store, signal, cancellationToken);
    }

    private static async Task<IResult> RetryMany(
        HttpRequest request, ClaimsPrincipal user, IDeliveryStore store, DispatchSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<BulkRetryRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var selected = await store.RetryManyAsync(
            new RetryFilter(body!.Channel, body.ItemId, body.Since), body.DryRun, ItemsApi.Actor(user), time.GetUtcNow(), cancellationToken);
        var view = new BulkRetryView(body.DryRun, selected.Count, selected.Select(DeliveryView.From).ToList());
        if (body.DryRun)
        {
            return TypedResults.Ok(view);
        }

        signal.Notify(selected.Select(d => d.Channel).Distinct());
        return TypedResults.Accepted((string?)null, view);
    }

    private static async Task<IResult> Confirm(
        string deliveryId, HttpRequest request, ClaimsPrincipal user, IDeliveryStore store, DispatchSignal signal,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConfirmRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!Uri.TryCreate(body!.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "A URL is required.", "url",
                "url must be the absolute http(s) address where the item was published.");
        }

        var outcome = await store.ConfirmAsync(new DeliveryCommand(deliveryId, null, ItemsApi.Actor(user), time.GetUtcNow()), url, cancellationToken);
        return await Answer(outcome, deliveryId, store, signal, cancellationToken);
    }

    private static async Task<IResult> Answer(
        CommandOutcome outcome, string deliveryId, IDeliveryStore store, DispatchSignal signal, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case CommandResult.NotFound:
                return Problems.NotFound("delivery", deliveryId);
            case CommandResult.Conflict:
                return Problems.Field(StatusCodes.Status409Conflict, "Not possible now.", "deliveryId", outcome.Message ?? "The command does not apply.");
            default:
                var delivery = (await store.GetAsync(deliveryId, cancellationToken))!;
                signal.Notify(delivery.Channel);
                return TypedResults.Accepted($"/api/deliveries/{deliveryId}", DeliveryView.From(delivery));
        }
    }
}
