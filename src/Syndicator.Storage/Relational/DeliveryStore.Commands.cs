using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>Operators' commands on items. Each runs in one write transaction and leaves one audit entry per channel.</summary>
internal sealed partial class DeliveryStore
{
    /// <inheritdoc/>
    /// <remarks>No channels named means the latest revision's channels. Pending sends there are superseded.</remarks>
    public Task<CommandOutcome> RepublishAsync(ItemCommand command, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            await s.LockItemAsync(command.ItemId);
            var item = await s.QueryFirstOrDefaultAsync<ItemRow>("Items.Get", new { itemId = command.ItemId });
            if (item is null)
            {
                return CommandOutcome.NotFound($"Item '{command.ItemId}' is unknown.");
            }

            var channels = command.Channels is { Count: > 0 } named ? named : StorageJson.DeserializeStrings(item.Channels);
            var queued = new List<Delivery>();
            foreach (var channel in channels.Distinct(StringComparer.Ordinal))
            {
                var carried = await DeliveryQueue.SupersedeAsync(s, item.Id, channel, command.Now, withdrawing: false);
                var operation = await DeliveryQueue.SendOperationAsync(s, item.Id, channel);
                var delivery = await DeliveryQueue.InsertAsync(
                    s, item.Id, checked((int)item.LatestRevision), channel, operation, command.Now, command.Reason, command.Now,
                    operation == DeliveryOperation.Publish ? carried : null);
                await AuditTrail.AppendAsync(s, Entry(command, "item.republish", delivery));
                queued.Add(delivery);
            }

            return new CommandOutcome(CommandResult.Done, queued);
        }, cancellationToken);

    /// <inheritdoc/>
    /// <remarks>
    /// No channels named means every channel where the item is live or has a delivery still on its way (hand-offs
    /// included). On each, pending sends and hand-offs are superseded; a withdraw is queued where something is live
    /// or may become live (a try in progress or awaiting confirmation, or a superseded send that had started, whose
    /// checkpoint the withdraw inherits). Where nothing was sent, superseding is all.
    /// </remarks>
    public Task<CommandOutcome> WithdrawAsync(ItemCommand command, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            await s.LockItemAsync(command.ItemId);
            var item = await s.QueryFirstOrDefaultAsync<ItemRow>("Items.Get", new { itemId = command.ItemId });
            if (item is null)
            {
                return CommandOutcome.NotFound($"Item '{command.ItemId}' is unknown.");
            }

            var channels = command.Channels is { Count: > 0 } named
                ? named
                : await s.QueryAsync<string>("Deliveries.WithdrawableChannels", new { itemId = item.Id });
            var queued = new List<Delivery>();
            foreach (var channel in channels.Distinct(StringComparer.Ordinal))
            {
                var carried = await DeliveryQueue.SupersedeAsync(s, item.Id, channel, command.Now, withdrawing: true);
                var args = new { itemId = item.Id, channel };
                Delivery? delivery = null;
                if (carried is not null
                    || await s.ScalarAsync<bool>("Placements.Exists", args)
                    || await s.ScalarAsync<bool>("Deliveries.HasInFlight", args))
                {
                    delivery = await DeliveryQueue.InsertAsync(
                        s, item.Id, checked((int)item.LatestRevision), channel, DeliveryOperation.Withdraw, command.Now, command.Reason, command.Now,
                        carried);
                    queued.Add(delivery);
                }

                await AuditTrail.AppendAsync(s, Entry(command, "item.withdraw", delivery) with { Channel = channel });
            }

            if (queued.Count == 0)
            {
                // Nothing to send anywhere: the withdrawal has run its course already.
                await EventLog.WithdrawalSettledAsync(s, _routes, item.Id, command.Reason, command.Now);
            }

            return new CommandOutcome(CommandResult.Done, queued);
        }, cancellationToken);

    private static AuditEntry Entry(ItemCommand command, string action, Delivery? delivery) =>
        new(command.Now, command.Actor, action, command.ItemId, delivery?.Id, delivery?.Channel, command.Reason,
            delivery is null ? "nothing to send" : $"{WireNames.Of(delivery.Operation)} of revision {delivery.Revision}");
}
