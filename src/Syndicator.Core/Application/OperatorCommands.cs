using Syndicator.Core.Catalogue;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Intake;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Application;

/// <summary>
/// The operator's commands — republish, withdraw, retry (one or many), confirm a hand-off — as the API, the console
/// and (through the API) the CLI all run them: the same checks, the same store command, the same audit entry, the same
/// wake-up of the channels' lanes. The actor names the API key (<c>key:NAME</c>) or the console user (<c>user:NAME</c>).
/// </summary>
public sealed partial class OperatorCommands(
    IDeliveryStore deliveries, IAuditLog audit, ChannelCatalogue catalogue, DispatchSignal signal, IHandoffUrlPolicy urls,
    TimeProvider time, IItemStore items, IBoardStore board, ConnectorRegistry connectors)
{
    /// <summary>Longest reason, in characters: it is kept in the audit trail and shown to auditors.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Most channels one command may name.</summary>
    public const int MaxChannels = 64;

    /// <summary>Queues the item's latest revision again on the named channels (all of its channels when none are named).</summary>
    public Task<CommandAnswer<CommandOutcome>> RepublishAsync(
        string itemId, IReadOnlyList<string?>? channels, string? reason, string actor, CancellationToken cancellationToken) =>
        ItemCommandAsync(itemId, channels, reason, actor, deliveries.RepublishAsync, cancellationToken);

    /// <summary>Takes the item down from the named channels (all where it is live or on its way when none are named).</summary>
    public Task<CommandAnswer<CommandOutcome>> WithdrawAsync(
        string itemId, IReadOnlyList<string?>? channels, string? reason, string actor, CancellationToken cancellationToken) =>
        ItemCommandAsync(itemId, channels, reason, actor, deliveries.WithdrawAsync, cancellationToken);

    /// <summary>Puts a failed or unconfirmed delivery back to pending, due now. The reason is optional.</summary>
    public async Task<CommandAnswer<Delivery>> RetryAsync(string deliveryId, string? reason, string actor, CancellationToken cancellationToken)
    {
        if (CheckReason(reason, required: false) is { } refused)
        {
            return new(null, refused);
        }

        var outcome = await deliveries.RetryAsync(new DeliveryCommand(deliveryId, Trim(reason), actor, time.GetUtcNow()), cancellationToken);
        return await AnswerAsync(outcome, deliveryId, cancellationToken);
    }

    /// <summary>
    /// The failed or unconfirmed deliveries <paramref name="filter"/> selects; retried unless <paramref name="dryRun"/>.
    /// A reason, when given, is kept once for the whole batch beside the store's entry per delivery.
    /// </summary>
    public async Task<CommandAnswer<IReadOnlyList<Delivery>>> RetryManyAsync(
        RetryFilter filter, bool dryRun, string? reason, string actor, CancellationToken cancellationToken)
    {
        if (CheckReason(reason, required: false) is { } refused)
        {
            return new(null, refused);
        }

        if (filter.Channel is { } channel && catalogue.Find(channel) is null)
        {
            return new(null, Refusal.Field(RefusalKind.Unprocessable, "Unknown channel.", "channel",
                $"'{Shorten(channel)}' is not a configured channel. Configured: {string.Join(", ", catalogue.Channels.Select(x => x.Id))}."));
        }

        var now = time.GetUtcNow();
        var selected = await deliveries.RetryManyAsync(filter, dryRun, actor, now, cancellationToken);
        if (!dryRun)
        {
            signal.Notify(selected.Select(d => d.Channel).Distinct());
            if (Trim(reason) is { } why)
            {
                await audit.AppendAsync(new AuditEntry(now, actor, "deliveries.bulk_retry", null, null, filter.Channel, why,
                    $"{selected.Count} deliveries: {string.Join(", ", selected.Select(d => d.Id))}"), cancellationToken);
            }
        }

        return new(selected, null);
    }

    private async Task<CommandAnswer<CommandOutcome>> ItemCommandAsync(
        string itemId, IReadOnlyList<string?>? channels, string? reason, string actor,
        Func<ItemCommand, CancellationToken, Task<CommandOutcome>> command, CancellationToken cancellationToken)
    {
        if (CheckReason(reason, required: true) is { } refused)
        {
            return new(null, refused);
        }

        if (CheckChannels(channels ?? []) is { } badChannel)
        {
            return new(null, badChannel);
        }

        var named = (channels ?? []).Select(c => c!).Distinct(StringComparer.Ordinal).ToList();
        var outcome = await command(new ItemCommand(itemId, named.Count > 0 ? named : null, reason!.Trim(), actor, time.GetUtcNow()), cancellationToken);
        switch (outcome.Result)
        {
            case CommandResult.NotFound:
                return new(outcome, Refusal.NotFound("item", itemId));
            case CommandResult.Conflict:
                return new(outcome, Refusal.Field(RefusalKind.Conflict, "Not possible now.", "id", outcome.Message ?? "The command does not apply."));
            default:
                signal.Notify(outcome.Deliveries.Select(d => d.Channel).Distinct());
                signal.NotifyEvents();
                return new(outcome, null);
        }
    }

    private Refusal? CheckChannels(IReadOnlyList<string?> channels)
    {
        if (channels.Count > MaxChannels)
        {
            return Refusal.Field(RefusalKind.Unprocessable, "Too many channels.", "channels",
                $"{channels.Count} channels is over the limit of {MaxChannels}.");
        }

        for (var i = 0; i < channels.Count; i++)
        {
            if (channels[i] is not { } c || !catalogue.IsEnabled(c))
            {
                return Refusal.Field(RefusalKind.Unprocessable, "Unknown or disabled channel.", $"channels[{i}]",
                    $"'{Shorten(channels[i])}' is not an enabled channel. Enabled: {string.Join(", ", catalogue.EnabledChannels.Select(x => x.Id))}.");
            }
        }

        return null;
    }

    /// <summary>A reason is kept in the audit trail: bounded, and text any page can show.</summary>
    private static Refusal? CheckReason(string? reason, bool required)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return required
                ? Refusal.Field(RefusalKind.Malformed, "A reason is required.", "reason", "Say why (it is kept in the audit trail).")
                : null;
        }

        if (reason.Length > MaxReasonLength)
        {
            return Refusal.Field(RefusalKind.Unprocessable, "The reason is too long.", "reason",
                $"{reason.Length} characters is over the limit of {MaxReasonLength}.");
        }

        return TextRules.Problem(reason) is { } problem
            ? Refusal.Field(RefusalKind.Unprocessable, "The reason holds a character that is not text.", "reason", problem)
            : null;
    }

    private async Task<CommandAnswer<Delivery>> AnswerAsync(CommandOutcome outcome, string deliveryId, CancellationToken cancellationToken)
    {
        switch (outcome.Result)
        {
            case CommandResult.NotFound:
                return new(null, Refusal.NotFound("delivery", Shorten(deliveryId)));
            case CommandResult.Conflict:
                return new(null, Refusal.Field(RefusalKind.Conflict, "Not possible now.", "deliveryId", outcome.Message ?? "The command does not apply."));
            default:
                var delivery = (await deliveries.GetAsync(deliveryId, cancellationToken))!;
                signal.Notify(delivery.Channel);
                signal.NotifyEvents();
                return new(delivery, null);
        }
    }

    private static string? Trim(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    /// <summary>Echoes at most 64 characters of what a sender gave, so that an answer never repeats a huge value.</summary>
    private static string Shorten(string? value) => value is null ? "null" : value.Length <= 64 ? value : value[..64] + "…";
}

/// <summary>A command's result, or the refusal that stopped it.</summary>
public sealed record CommandAnswer<T>(T? Value, Refusal? Refusal)
    where T : class;

/// <summary>
/// Whether an address an operator confirms for a hand-off is one of the channel's: null when it is, else why not.
/// </summary>
public interface IHandoffUrlPolicy
{
    string? Problem(string channel, Uri url);
}

/// <summary>Takes any http(s) address; the host replaces it with the channels' configured hosts.</summary>
internal sealed class AnyHandoffUrl : IHandoffUrlPolicy
{
    public string? Problem(string channel, Uri url) => null;
}
