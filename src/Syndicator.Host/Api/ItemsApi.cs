using Microsoft.Extensions.Options;
using System.Security.Claims;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;

namespace Syndicator.Host.Api;

/// <summary><c>/api/items</c>: intake, reading, republish and withdraw.</summary>
internal static class ItemsApi
{
    public static IEndpointRouteBuilder MapItemsApi(this IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/items");
        items.MapPost("/", Submit).RequireAuthorization(Scopes.Submit);
        items.MapGet("/", List).RequireAuthorization(Scopes.Read);
        items.MapGet("/{id}", Get).RequireAuthorization(Scopes.Read);
        items.MapPost("/{id}/republish", Republish).RequireAuthorization(Scopes.Operate);
        items.MapPost("/{id}/withdraw", Withdraw).RequireAuthorization(Scopes.Operate);
        return app;
    }

    private static async Task<IResult> Submit(
        HttpRequest request, ClaimsPrincipal user, ItemValidator validator, IItemStore store, IComplianceStore compliance,
        DispatchSignal signal, IOptions<PublisherOptions> publisher, TimeProvider time, CancellationToken cancellationToken)
    {
        var (submitted, problem) = await JsonBody.ReadAsync<SubmittedItem>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = validator.Validate(submitted!, time.GetUtcNow());
        if (result.Error is { } error)
        {
            return Problems.Result(error.Status, error.Title, "See errors for each field.", error.Errors);
        }

        var item = result.Item!;
        var outcome = await store.AcceptAsync(item, Actor(user), publisher.Value.IndexScheme(), cancellationToken);
        switch (outcome.Kind)
        {
            case AcceptKind.Conflict:
                return Problems.Field(StatusCodes.Status409Conflict, "This revision was accepted with other content.", "revision",
                    $"Revision {item.Revision} of '{item.Id}' was already accepted with different content; send it as revision {outcome.LatestRevision + 1}.");
            case AcceptKind.IndexNumberTaken:
                return Problems.Field(StatusCodes.Status422UnprocessableEntity, "The index number is taken.", "indexNumber",
                    $"索引号 {outcome.IndexNumber} belongs to another item; index numbers are unique and never reused. Send another, or none to have one given.");
            case AcceptKind.IndexNumberChanged:
                return Problems.Field(StatusCodes.Status422UnprocessableEntity, "An index number never changes.", "indexNumber",
                    $"'{item.Id}' has 索引号 {outcome.IndexNumber}, which never changes; send that number or none.");
            case AcceptKind.Stale:
                return Problems.Field(StatusCodes.Status409Conflict, "A newer revision is accepted.", "revision",
                    $"Revision {item.Revision} of '{item.Id}' is older than the accepted revision {outcome.LatestRevision}.");
            default:
                break;
        }

        if (!result.Compliance.IsEmpty)
        {
            // A replay records again what a lost first answer may not have kept; the store keeps it once.
            await compliance.RecordComplianceAsync(item.Id, item.Revision, result.Compliance, Actor(user), time.GetUtcNow(), cancellationToken);
        }

        signal.Notify(item.Channels);
        var view = await ViewAsync((await store.GetAsync(item.Id, cancellationToken))!, compliance, null, cancellationToken);
        return outcome.Kind == AcceptKind.Replayed
            ? TypedResults.Ok(view)
            : TypedResults.Accepted($"/api/items/{Uri.EscapeDataString(item.Id)}", view);
    }

    private static async Task<IResult> Get(
        string id, IItemStore store, IComplianceStore compliance, ITrackingStore tracking, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } item
            ? TypedResults.Ok(await ViewAsync(item, compliance, tracking, cancellationToken))
            : Problems.NotFound("item", id);

    /// <summary>
    /// The item with what the compliance checks found in its latest revision and what verification after release last
    /// found on each channel (additions to DESIGN §5).
    /// </summary>
    private static async Task<ItemView> ViewAsync(
        ItemRecord item, IComplianceStore compliance, ITrackingStore? tracking, CancellationToken cancellationToken) =>
        ItemView.From(item) with
        {
            Compliance = await compliance.GetComplianceAsync(item.Id, item.Revision, cancellationToken) is { } found
                ? ComplianceView.From(found)
                : null,
            Tracking = tracking is null ? [] : [.. (await tracking.ListForItemAsync(item.Id, cancellationToken)).Select(TrackingView.From)],
        };

    private static async Task<IResult> List(
        string? status, string? channel, string? category, string? since, string? limit, IItemStore store,
        CancellationToken cancellationToken)
    {
        // Filters are read as text so that a bad one is a problem naming it, not a bare 400.
        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsedSince))
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Bad filter.", "since", "since must be an ISO-8601 date or instant.");
            }

            from = parsedSince;
        }

        ItemStatus? wanted = null;
        if (status is not null)
        {
            if (!ItemStatusRules.TryParse(status, out var parsed))
            {
                return Problems.Field(StatusCodes.Status400BadRequest, "Bad filter.", "status",
                    "status must be one of in_progress, delivered, attention, withdrawn.");
            }

            wanted = parsed;
        }

        var count = 50;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.CultureInfo.InvariantCulture, out count) || count is < 1 or > 500))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "Bad filter.", "limit", "limit must be a whole number from 1 to 500.");
        }

        var page = await store.ListAsync(new ItemQuery(wanted, channel, category, from, count), cancellationToken);
        return TypedResults.Ok(new ItemPage(page.Count, page.Select(ItemView.From).ToList()));
    }

    private static Task<IResult> Republish(
        string id, HttpRequest request, ClaimsPrincipal user, IDeliveryStore deliveries, IItemStore items,
        ChannelCatalogue catalogue, DispatchSignal signal, TimeProvider time, CancellationToken cancellationToken) =>
        ItemCommands.RunAsync(id, request, user, deliveries.RepublishAsync, items, catalogue, signal, time, cancellationToken);

    private static Task<IResult> Withdraw(
        string id, HttpRequest request, ClaimsPrincipal user, IDeliveryStore deliveries, IItemStore items,
        ChannelCatalogue catalogue, DispatchSignal signal, TimeProvider time, CancellationToken cancellationToken) =>
        ItemCommands.RunAsync(id, request, user, deliveries.WithdrawAsync, items, catalogue, signal, time, cancellationToken);

    internal static string Actor(ClaimsPrincipal user) => "key:" + (user.Identity?.Name ?? "?");
}
