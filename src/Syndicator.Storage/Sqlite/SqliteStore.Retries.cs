using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Storage.Sqlite;

/// <summary>Operators' commands on single deliveries: retry, bulk retry and confirming a hand-off.</summary>
internal sealed partial class SqliteStore
{
    public Task<CommandOutcome> RetryAsync(DeliveryCommand command, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            var delivery = await FindDeliveryAsync(s, command.DeliveryId);
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

            return new CommandOutcome(CommandResult.Done, [await RetryOneAsync(s, delivery, command.Reason, command.Actor, command.Now)]);
        }, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// Selects failed or unconfirmed deliveries that are still current on their (item, channel), filtered by channel,
    /// item and last change (<see cref="RetryFilter.Since"/> ≤ updated). A dry run returns them as they are; otherwise
    /// all are retried in one transaction and returned as they are now.
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
                retried.Add(await RetryOneAsync(s, delivery, null, actor, now));
            }

            return retried;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The delivery succeeds with <paramref name="url"/>; for a publish or update the placement records it (the URL
    /// doubles as remote id when the delivery has none), for a withdraw the placement is removed.
    /// </remarks>
    public Task<CommandOutcome> ConfirmAsync(DeliveryCommand command, Uri url, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            var delivery = await FindDeliveryAsync(s, command.DeliveryId);
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
                url = Rows.FromUri(url),
                reason = command.Reason,
                now,
            });
            await PlaceAsync(s, delivery, now);
            var confirmed = rows[0].ToDelivery();
            await AuditAsync(s, new AuditEntry(
                command.Now, command.Actor, "delivery.confirm", delivery.ItemId, delivery.Id, delivery.Channel, command.Reason, Rows.FromUri(url)));
            return new CommandOutcome(CommandResult.Done, [confirmed]);
        }, cancellationToken);

    private static async Task<Delivery> RetryOneAsync(SqliteSession s, Delivery delivery, string? reason, string actor, DateTimeOffset now)
    {
        var rows = await s.QueryAsync<DeliveryRow>("Commands.Retry", new { id = delivery.Id, reason, now = UnixMs.From(now) });
        await AuditAsync(s, new AuditEntry(
            now, actor, "delivery.retry", delivery.ItemId, delivery.Id, delivery.Channel, reason, $"was {WireNames.Of(delivery.Status)}"));
        return rows[0].ToDelivery();
    }

    private static List<Delivery> Deliveries(IEnumerable<DeliveryRow> rows) => [.. rows.Select(r => r.ToDelivery())];
}
