using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Testing.Fakes;

/// <summary>Operators' commands, as the relational store runs them (each under the gate, one audit entry per channel).</summary>
public sealed partial class InMemoryStore
{
    public Task<CommandOutcome> RepublishAsync(ItemCommand command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (RecordOf(command.ItemId) is not { } item)
            {
                return Task.FromResult(CommandOutcome.NotFound($"Item '{command.ItemId}' is unknown."));
            }

            var channels = command.Channels is { Count: > 0 } named ? named : _revisions[(item.Id, item.Revision)].Channels;
            var queued = new List<Delivery>();
            foreach (var channel in channels.Distinct(StringComparer.Ordinal))
            {
                var carried = Supersede(item.Id, channel, command.Now, withdrawing: false);
                var operation = SendOperation(item.Id, channel);
                var delivery = Queue(item.Id, item.Revision, channel, operation, command.Now, command.Reason, command.Now,
                    operation == DeliveryOperation.Publish ? carried : null);
                _audit.Add(Entry(command, "item.republish", delivery));
                queued.Add(delivery);
            }

            return Task.FromResult(new CommandOutcome(CommandResult.Done, queued));
        }
    }

    public Task<CommandOutcome> WithdrawAsync(ItemCommand command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (RecordOf(command.ItemId) is not { } item)
            {
                return Task.FromResult(CommandOutcome.NotFound($"Item '{command.ItemId}' is unknown."));
            }

            IEnumerable<string> channels = command.Channels is { Count: > 0 } named
                ? named
                : _placements.Keys.Where(k => k.ItemId == item.Id).Select(k => k.Channel)
                    .Union(_rows.Where(r => r.Delivery.ItemId == item.Id && r.Delivery.Status is DeliveryStatus.Pending
                        or DeliveryStatus.InProgress or DeliveryStatus.AwaitingConfirmation or DeliveryStatus.Handoff).Select(r => r.Delivery.Channel))
                    .Order(StringComparer.Ordinal);
            var queued = new List<Delivery>();
            foreach (var channel in channels.Distinct(StringComparer.Ordinal).ToList())
            {
                var carried = Supersede(item.Id, channel, command.Now, withdrawing: true);
                Delivery? delivery = null;
                if (carried is not null || _placements.ContainsKey((item.Id, channel))
                    || _rows.Exists(r => r.Is(item.Id, channel) && r.Delivery.Status is DeliveryStatus.InProgress or DeliveryStatus.AwaitingConfirmation))
                {
                    delivery = Queue(item.Id, item.Revision, channel, DeliveryOperation.Withdraw, command.Now, command.Reason, command.Now, carried);
                    queued.Add(delivery);
                }

                _audit.Add(Entry(command, "item.withdraw", delivery) with { Channel = channel });
            }

            return Task.FromResult(new CommandOutcome(CommandResult.Done, queued));
        }
    }

    public Task<CommandOutcome> RetryAsync(DeliveryCommand command, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(command.DeliveryId) is not { } row)
            {
                return Task.FromResult(CommandOutcome.NotFound($"Delivery '{command.DeliveryId}' is unknown."));
            }

            var delivery = row.Delivery;
            if (delivery.Status is not (DeliveryStatus.Failed or DeliveryStatus.Unconfirmed))
            {
                return Task.FromResult(CommandOutcome.Conflict(
                    $"Delivery '{delivery.Id}' is {WireNames.Of(delivery.Status)}; only failed or unconfirmed deliveries can be retried."));
            }

            if (Later(delivery) is { } later)
            {
                return Task.FromResult(CommandOutcome.Conflict($"Delivery '{delivery.Id}' is superseded by delivery '{later.Delivery.Id}'."));
            }

            return Task.FromResult(new CommandOutcome(CommandResult.Done, [RetryOne(row, command.Reason, command.Actor, command.Now)]));
        }
    }

    public Task<IReadOnlyList<Delivery>> RetryManyAsync(
        RetryFilter filter, bool dryRun, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var candidates = _rows
                .Where(r => r.Delivery.Status is DeliveryStatus.Failed or DeliveryStatus.Unconfirmed
                    && (filter.Channel is null || r.Delivery.Channel == filter.Channel)
                    && (filter.ItemId is null || r.Delivery.ItemId == filter.ItemId)
                    && (filter.Since is null || r.Delivery.UpdatedAt >= filter.Since)
                    && Later(r.Delivery) is null)
                .OrderBy(r => r.Delivery.Sequence)
                .ToList();
            IReadOnlyList<Delivery> result = dryRun
                ? [.. candidates.Select(r => r.Delivery)]
                : [.. candidates.Select(r => RetryOne(r, null, actor, now))];
            return Task.FromResult(result);
        }
    }

    public Task<CommandOutcome> ConfirmAsync(DeliveryCommand command, Uri url, CancellationToken cancellationToken) =>
        ConfirmAsync(command, HandoffProof.Live(url), cancellationToken);

    public Task<CommandOutcome> ConfirmAsync(DeliveryCommand command, HandoffProof proof, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (Find(command.DeliveryId) is not { } row)
            {
                return Task.FromResult(CommandOutcome.NotFound($"Delivery '{command.DeliveryId}' is unknown."));
            }

            if (row.Delivery.Status != DeliveryStatus.Handoff)
            {
                return Task.FromResult(CommandOutcome.Conflict(
                    $"Delivery '{row.Delivery.Id}' is {WireNames.Of(row.Delivery.Status)}; only a handoff delivery can be confirmed."));
            }

            row.Delivery = row.Delivery with
            {
                Status = DeliveryStatus.Succeeded,
                Url = proof.Url,
                RemoteId = row.Delivery.RemoteId ?? proof.Url?.OriginalString,
                LastError = null,
                NextAttemptAt = null,
                Reason = command.Reason ?? row.Delivery.Reason,
                UpdatedAt = command.Now,
            };
            Place(row.Delivery, command.Now);
            _audit.Add(proof.On is null
                ? new AuditEntry(command.Now, command.Actor, "delivery.confirm", row.Delivery.ItemId, row.Delivery.Id, row.Delivery.Channel, command.Reason, proof.Url!.OriginalString)
                : RecordBoard(row.Delivery, proof, command));
            return Task.FromResult(new CommandOutcome(CommandResult.Done, [row.Delivery]));
        }
    }

    private Delivery RetryOne(Row row, string? reason, string actor, DateTimeOffset now)
    {
        var was = row.Delivery.Status;
        row.Delivery = row.Delivery with
        {
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            RetryBase = row.Delivery.Attempts,
            Crashes = 0,
            Reason = reason ?? row.Delivery.Reason,
            UpdatedAt = now,
        };
        _audit.Add(new AuditEntry(now, actor, "delivery.retry", row.Delivery.ItemId, row.Delivery.Id, row.Delivery.Channel, reason, $"was {WireNames.Of(was)}"));
        return row.Delivery;
    }

    /// <summary>A later delivery of the same (item, channel) that is not superseded; null when this one is current.</summary>
    private Row? Later(Delivery delivery) =>
        _rows.Where(r => r.Is(delivery.ItemId, delivery.Channel) && r.Delivery.Sequence > delivery.Sequence && r.Delivery.Status != DeliveryStatus.Superseded)
            .MinBy(r => r.Delivery.Sequence);

    private static AuditEntry Entry(ItemCommand command, string action, Delivery? delivery) =>
        new(command.Now, command.Actor, action, command.ItemId, delivery?.Id, delivery?.Channel, command.Reason,
            delivery is null ? "nothing to send" : $"{WireNames.Of(delivery.Operation)} of revision {delivery.Revision}");
}
