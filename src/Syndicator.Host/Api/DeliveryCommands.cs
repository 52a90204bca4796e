using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Api;

/// <summary>
/// Retry (one or many) and hand-off confirmation, as the API and the console both run them: same checks, same store
/// commands, same wake-up of the channel's lane. The actor names the API key or the console user.
/// </summary>
internal static class DeliveryCommands
{
    public static async Task<(Delivery? Delivery, CommandError? Error)> RetryAsync(
        string deliveryId, string? reason, string actor, IDeliveryStore store, DispatchSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var outcome = await store.RetryAsync(new DeliveryCommand(deliveryId, reason, actor, time.GetUtcNow()), cancellationToken);
        return await AnswerAsync(outcome, deliveryId, store, signal, cancellationToken);
    }

    public static async Task<(Delivery? Delivery, CommandError? Error)> ConfirmAsync(
        string deliveryId, string? url, string? reason, string actor, IDeliveryStore store, DispatchSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return (null, new CommandError(StatusCodes.Status400BadRequest, "A URL is required.", "url",
                "url must be the absolute http(s) address where the item was published."));
        }

        var outcome = await store.ConfirmAsync(new DeliveryCommand(deliveryId, reason, actor, time.GetUtcNow()), parsed, cancellationToken);
        return await AnswerAsync(outcome, deliveryId, store, signal, cancellationToken);
    }

    /// <summary>The failed or unconfirmed deliveries <paramref name="filter"/> selects; retried unless <paramref name="dryRun"/>.</summary>
    public static async Task<IReadOnlyList<Delivery>> RetryManyAsync(
        RetryFilter filter, bool dryRun, string actor, IDeliveryStore store, DispatchSignal signal, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var selected = await store.RetryManyAsync(filter, dryRun, actor, time.GetUtcNow(), cancellationToken);
        if (!dryRun)
        {
            signal.Notify(selected.Select(d => d.Channel).Distinct());
        }

        return selected;
    }

    private static async Task<(Delivery? Delivery, CommandError? Error)> AnswerAsync(
        CommandOutcome outcome, string deliveryId, IDeliveryStore store, DispatchSignal signal, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case CommandResult.NotFound:
                return (null, CommandError.NotFound("delivery", deliveryId));
            case CommandResult.Conflict:
                return (null, new CommandError(StatusCodes.Status409Conflict, "Not possible now.", "deliveryId", outcome.Message ?? "The command does not apply."));
            default:
                var delivery = (await store.GetAsync(deliveryId, cancellationToken))!;
                signal.Notify(delivery.Channel);
                return (delivery, null);
        }
    }
}
