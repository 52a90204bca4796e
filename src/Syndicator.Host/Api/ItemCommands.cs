using System.Security.Claims;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Api;

/// <summary>Republish and withdraw share their request, checks and answer.</summary>
internal static class ItemCommands
{
    public static async Task<IResult> RunAsync(
        string id, HttpRequest request, ClaimsPrincipal user, Func<ItemCommand, CancellationToken, Task<CommandOutcome>> command,
        IItemStore items, ChannelCatalogue catalogue, DispatchSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ChannelCommandRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Reason))
        {
            return Problems.Field(StatusCodes.Status400BadRequest, "A reason is required.", "reason",
                "Say why (it is kept in the audit trail).");
        }

        var channels = body.Channels ?? [];
        for (var i = 0; i < channels.Count; i++)
        {
            if (channels[i] is not { } c || !catalogue.IsEnabled(c))
            {
                return Problems.Field(StatusCodes.Status422UnprocessableEntity, "Unknown or disabled channel.", $"channels[{i}]",
                    $"'{channels[i]}' is not an enabled channel. Enabled: {string.Join(", ", catalogue.EnabledChannels.Select(x => x.Id))}.");
            }
        }

        var outcome = await command(
            new ItemCommand(id, channels.Count > 0 ? channels.Select(c => c!).ToList() : null, body.Reason.Trim(), ItemsApi.Actor(user), time.GetUtcNow()),
            cancellationToken);
        if (outcome.Result == CommandResult.NotFound)
        {
            return Problems.NotFound("item", id);
        }

        if (outcome.Result == CommandResult.Conflict)
        {
            return Problems.Field(StatusCodes.Status409Conflict, "Not possible now.", "id", outcome.Message ?? "The command does not apply.");
        }

        signal.Notify(outcome.Deliveries.Select(d => d.Channel).Distinct());
        var item = await items.GetAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/items/{Uri.EscapeDataString(id)}", ItemView.From(item!));
    }
}
