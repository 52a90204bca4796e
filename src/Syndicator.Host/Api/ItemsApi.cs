using System.Security.Claims;
using Syndicator.Core.Application;
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
        HttpRequest request, ClaimsPrincipal user, IntakeService intake, IItemStore store, IComplianceStore compliance,
        CancellationToken cancellationToken)
    {
        var (submitted, problem) = await JsonBody.ReadAsync<SubmittedItem>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var answer = await intake.SubmitAsync(submitted!, Actor(user), cancellationToken);
        if (answer.Refusal is { } refusal)
        {
            return refusal.ToProblem();
        }

        var id = answer.Item!.Id;
        // The item as the accepting transaction left it: no read-back where the store gave it.
        var record = answer.Record ?? (await store.GetAsync(id, cancellationToken))!;
        var view = await ViewAsync(record, compliance, null, cancellationToken);
        return answer.Replayed ? TypedResults.Ok(view) : TypedResults.Accepted($"/api/items/{Uri.EscapeDataString(id)}", view);
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
        string id, HttpRequest request, ClaimsPrincipal user, OperatorCommands commands, IItemStore items, CancellationToken cancellationToken) =>
        ItemCommandAsync(id, request, user, commands.RepublishAsync, items, cancellationToken);

    private static Task<IResult> Withdraw(
        string id, HttpRequest request, ClaimsPrincipal user, OperatorCommands commands, IItemStore items, CancellationToken cancellationToken) =>
        ItemCommandAsync(id, request, user, commands.WithdrawAsync, items, cancellationToken);

    private static async Task<IResult> ItemCommandAsync(
        string id, HttpRequest request, ClaimsPrincipal user,
        Func<string, IReadOnlyList<string?>?, string?, string, CancellationToken, Task<CommandAnswer<CommandOutcome>>> command,
        IItemStore items, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ChannelCommandRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var answer = await command(id, body!.Channels, body.Reason, Actor(user), cancellationToken);
        if (answer.Refusal is { } refusal)
        {
            return refusal.ToProblem();
        }

        var item = await items.GetAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/items/{Uri.EscapeDataString(id)}", ItemView.From(item!));
    }

    internal static string Actor(ClaimsPrincipal user) => "key:" + (user.Identity?.Name ?? "?");
}
