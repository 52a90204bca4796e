using System.Security.Claims;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Application;
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
        deliveries.MapGet("/{deliveryId}/photo", Photo).RequireAuthorization(Scopes.Read);
        return app;
    }

    private static async Task<IResult> Get(string deliveryId, IDeliveryStore store, IBoardStore board, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(deliveryId, cancellationToken) is not { } delivery)
        {
            return Problems.NotFound("delivery", deliveryId);
        }

        var attempts = await store.GetAttemptsAsync(deliveryId, cancellationToken);
        var confirmed = (await board.ListConfirmationsAsync(delivery.ItemId, cancellationToken)).FirstOrDefault(c => c.DeliveryId == deliveryId);
        return TypedResults.Ok(new DeliveryDetailView(DeliveryView.From(delivery), attempts.Select(AttemptView.From).ToList())
        {
            Board = confirmed is null ? null : BoardView.From(confirmed),
        });
    }

    /// <summary>The photo a notice board's confirmation carried, as it was sent (its own type; never decoded here).</summary>
    private static async Task<IResult> Photo(string deliveryId, IBoardStore board, CancellationToken cancellationToken) =>
        await board.GetPhotoAsync(deliveryId, cancellationToken) is { } photo
            ? TypedResults.File(photo.Content, photo.MediaType, photo.Name)
            : Problems.Field(StatusCodes.Status404NotFound, "No photo.", "deliveryId",
                $"Delivery '{(deliveryId.Length <= 64 ? deliveryId : deliveryId[..64] + "…")}' has no photo: it is unknown, not a notice board's, or was confirmed without one.");

    private static async Task<IResult> Retry(
        string deliveryId, ClaimsPrincipal user, OperatorCommands commands, CancellationToken cancellationToken) =>
        Answer(await commands.RetryAsync(deliveryId, null, ItemsApi.Actor(user), cancellationToken), deliveryId);

    private static async Task<IResult> RetryMany(
        HttpRequest request, ClaimsPrincipal user, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<BulkRetryRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var answer = await commands.RetryManyAsync(
            new RetryFilter(body!.Channel, body.ItemId, body.Since), body.DryRun, body.Reason, ItemsApi.Actor(user), cancellationToken);
        if (answer.Refusal is { } refusal)
        {
            return refusal.ToProblem();
        }

        var view = new BulkRetryView(body.DryRun, answer.Value!.Count, answer.Value.Select(DeliveryView.From).ToList());
        return body.DryRun ? TypedResults.Ok(view) : TypedResults.Accepted((string?)null, view);
    }

    private static async Task<IResult> Confirm(
        string deliveryId, HttpRequest request, ClaimsPrincipal user, OperatorCommands commands, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ConfirmRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var photo = body!.Photo is { } p ? new PhotoUpload(p.FileName, p.ContentType, p.Data) : null;
        var confirmation = new HandoffConfirmation(body.Url, body.PostedOn, body.TakenDownOn, photo);
        return Answer(await commands.ConfirmAsync(deliveryId, confirmation, ItemsApi.Actor(user), cancellationToken), deliveryId);
    }

    private static IResult Answer(CommandAnswer<Delivery> answer, string deliveryId) =>
        answer.Refusal is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Accepted($"/api/deliveries/{deliveryId}", DeliveryView.From(answer.Value!));
}
