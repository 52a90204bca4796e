using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>Operators' commands on single deliveries: retry, bulk retry and confirming a hand-off.</summary>
internal sealed partial class DeliveryStore
{
    public Task<CommandOutcome> RetryAsync(DeliveryCommand command, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            var delivery = await LockDeliveryAsync(s, command.DeliveryId);
            if (delivery is null)
            {
                return CommandOutcome.NotFound($"Delivery '{command.DeliveryId}' is unknown.");
            }

            if (delivery.Status is not (DeliveryStatus.Failed or DeliveryStatus.Unconfirmed))
            {
                return CommandOutcome.Conflict(
                    $"Delivery '{delivery.Id}' is {WireNames.Of(delivery.Status)}; only failed or unconfirmed deliveries can be retried.");
            }

            if (await FindLaterAsync(s, delivery) is { } later)
            {
                return CommandOutcome.Conflict($"Delivery '{delivery.Id}' is superseded by delivery '{later}'.");
            }

            var retried = await RetryOneAsync(s, delivery, command.Reason, command.Actor, command.Now);
            return new CommandOutcome(CommandResult.Done, [retried!]);
        }, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Selects failed or unconfirmed deliveries that are still current on their (item, channel), filtered by channel,
    /// item and last change (<see cref="RetryFilter.Since"/> ≤ updated). A dry run returns them as they are; otherwise
    /// all are retried in one transaction and returned as they are now. One that changed since it was selected (a
    /// concurrent retry) is left out.
    /// </remarks>
    public async Task<IReadOnlyList<Delivery>> RetryManyAsync(
        RetryFilter filter, bool dryRun, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var args = new { channel = filter.Channel, itemId = filter.ItemId, since = UnixMs.From(filter.Since) };
        if (dryRun)
        {
            return await _db.ReadAsync(async s => Deliveries(await s.QueryAsync<DeliveryRow>("Commands.RetryCandidates", args)), cancellationToken);
        }

        return await _db.WriteAsync(async s =>
        {
            var retried = new List<Delivery>();
            foreach (var delivery in Deliveries(await s.QueryAsync<DeliveryRow>("Commands.RetryCandidates", args)))
            {
                if (await RetryOneAsync(s, delivery, null, actor, now) is { } done)
                {
                    retried.Add(done);
                }
            }

            return retried;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The delivery succeeds with the proof's URL (none for a notice board); for a publish or update the placement
    /// records it (the URL doubles as remote id when the delivery has none), for a withdraw the placement is removed. A
    /// notice board's posting or take-down, with its photo, is kept in the same transaction (<c>DeliveryStore.Board.cs</c>).
    /// </remarks>
    public Task<CommandOutcome> ConfirmAsync(DeliveryCommand command, HandoffProof proof, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            var delivery = await LockDeliveryAsync(s, command.DeliveryId);
            if (delivery is null)
            {
                return CommandOutcome.NotFound($"Delivery '{command.DeliveryId}' is unknown.");
            }

            if (delivery.Status != DeliveryStatus.Handoff)
            {
                return CommandOutcome.Conflict(
                    $"Delivery '{delivery.Id}' is {WireNames.Of(delivery.Status)}; only a handoff delivery can be confirmed.");
            }

            var now = UnixMs.From(command.Now);
            var rows = await s.QueryAsync<DeliveryRow>("Commands.Confirm", new
            {
                id = delivery.Id,
                url = Rows.FromUri(proof.Url),
                reason = command.Reason,
                now,
            });
            var wasLive = await WasLiveAsync(s, delivery, DeliveryStatus.Succeeded);
            await PlaceAsync(s, delivery, now);
            var confirmed = rows[0].ToDelivery();
            await EventLog.DeliveryEndedAsync(s, _routes, confirmed, DeliveryStatus.Succeeded, proof.Url, confirmed.RemoteId, null, command.Now, wasLive);
            await AuditTrail.AppendAsync(s, proof.On is null
                ? new AuditEntry(command.Now, command.Actor, "delivery.confirm", delivery.ItemId, delivery.Id, delivery.Channel, command.Reason, Rows.FromUri(proof.Url))
                : await RecordBoardAsync(s, delivery, proof, command));
            return new CommandOutcome(CommandResult.Done, [confirmed]);
        }, cancellationToken);

    /// <summary>Null when the delivery is no longer failed or unconfirmed (the update's status guard did not match).</summary>
    private static async Task<Delivery?> RetryOneAsync(IStoreSession s, Delivery delivery, string? reason, string actor, DateTimeOffset now)
    {
        var rows = await s.QueryAsync<DeliveryRow>("Commands.Retry", new { id = delivery.Id, reason, now = UnixMs.From(now) });
        if (rows.Count == 0)
        {
            return null;
        }

        await AuditTrail.AppendAsync(s, new AuditEntry(
            now, actor, "delivery.retry", delivery.ItemId, delivery.Id, delivery.Channel, reason, $"was {WireNames.Of(delivery.Status)}"));
        return rows[0].ToDelivery();
    }

    /// <summary>
    /// The delivery with its row locked until the command commits, after the lock on its item (the order intake and
    /// the item commands take them in); null when unknown.
    /// </summary>
    private static async Task<Delivery?> LockDeliveryAsync(IStoreSession s, string id)
    {
        if (await FindAsync(s, id) is not { } found)
        {
            return null;
        }

        await s.LockItemAsync(found.ItemId);
        return (await s.QueryFirstOrDefaultAsync<DeliveryRow>("Deliveries.GetForUpdate", new { id }))?.ToDelivery();
    }

    private static List<Delivery> Deliveries(IEnumerable<DeliveryRow> rows) => [.. rows.Select(r => r.ToDelivery())];
}
