using System.Security.Claims;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Api;

/// <summary>
/// Republish and withdraw share their checks and their execution; the API and the console both come through
/// <see cref="ExecuteAsync"/>, so both are checked and audited alike (the actor names the key or the user).
/// </summary>
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

        var (_, error) = await ExecuteAsync(id, body!, ItemsApi.Actor(user), command, catalogue, signal, time, cancellationToken);
        if (error is not null)
        {
            return error.ToProblem();
        }

        var item = await items.GetAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/items/{Uri.EscapeDataString(id)}", ItemView.From(item!));
    }

    /// <summary>Checks the request and runs <paramref name="command"/>; the outcome, or the error that stopped it.</summary>
    public static async Task<(CommandOutcome? Outcome, CommandError? Error)> ExecuteAsync(
        string id, ChannelCommandRequest body, string actor, Func<ItemCommand, CancellationToken, Task<CommandOutcome>> command,
        ChannelCatalogue catalogue, DispatchSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Reason))
        {
            return (null, new CommandError(StatusCodes.Status400BadRequest, "A reason is required.", "reason",
                "Say why (it is kept in the audit trail)."));
        }

        var channels = body.Channels ?? [];
        for (var i = 0; i < channels.Count; i++)
        {
            if (channels[i] is not { } c || !catalogue.IsEnabled(c))
            {
                return (null, new CommandError(StatusCodes.Status422UnprocessableEntity, "Unknown or disabled channel.", $"channels[{i}]",
                    $"'{channels[i]}' is not an enabled channel. Enabled: {string.Join(", ", catalogue.EnabledChannels.Select(x => x.Id))}."));
            }
        }

        var outcome = await command(
            new ItemCommand(id, channels.Count > 0 ? channels.Select(c => c!).ToList() : null, body.Reason.Trim(), actor, time.GetUtcNow()),
            cancellationToken);
        if (outcome.Result == CommandResult.NotFound)
        {
            return (outcome, CommandError.NotFound("item", id));
        }

        if (outcome.Result == CommandResult.Conflict)
        {
            return (outcome, new CommandError(StatusCodes.Status409Conflict, "Not possible now.", "id", outcome.Message ?? "The command does not apply."));
        }

        signal.Notify(outcome.Deliveries.Select(d => d.Channel).Distinct());
        return (outcome, null);
    }
}

/// <summary>Why a command was not carried out: the API answers it as a problem, the console shows its detail.</summary>
internal sealed record CommandError(int Status, string Title, string Field, string Detail)
{
    /// <summary>The same answer as <see cref="Problems.NotFound"/>.</summary>
    public static CommandError NotFound(string what, string id) =>
        new(StatusCodes.Status404NotFound, $"No such {what}.", "id", $"No {what} has the id '{id}'.");

    public IResult ToProblem() => Problems.Field(Status, Title, Field, Detail);
}
