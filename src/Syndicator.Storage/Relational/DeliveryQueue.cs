using Syndicator.Core.Deliveries;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Steps on the delivery queue shared by intake (<see cref="ItemStore"/>) and the operators' commands
/// (<see cref="DeliveryStore"/>); each runs inside the caller's write transaction.
/// </summary>
internal static class DeliveryQueue
{
    /// <summary>
    /// Supersedes the unclaimed pending sends of (item, channel) and returns the checkpoint of the newest one that had
    /// started (null when none had): a create it sent may have landed, so what replaces it must reconcile, not resend.
    /// </summary>
    public static async Task<string?> SupersedeAsync(IStoreSession s, string itemId, string channel, DateTimeOffset now, bool withdrawing)
    {
        var superseded = await s.QueryAsync<SupersededRow>(
            withdrawing ? "Deliveries.SupersedeForWithdraw" : "Deliveries.SupersedePending",
            new { itemId, channel, now = UnixMs.From(now) });
        return superseded
            .Where(r => !Checkpoint.FromJson(r.Checkpoint).IsEmpty)
            .OrderByDescending(r => r.Seq)
            .Select(r => r.Checkpoint)
            .FirstOrDefault();
    }

    /// <summary>Update where the item is live on the channel, else publish.</summary>
    public static async Task<DeliveryOperation> SendOperationAsync(IStoreSession s, string itemId, string channel) =>
        await s.ScalarAsync<bool>("Placements.Exists", new { itemId, channel })
            ? DeliveryOperation.Update
            : DeliveryOperation.Publish;

    /// <summary>A new pending delivery, due at <paramref name="due"/>, as inserted.</summary>
    public static async Task<Delivery> InsertAsync(
        IStoreSession s,
        string itemId,
        int revision,
        string channel,
        DeliveryOperation operation,
        DateTimeOffset due,
        string? reason,
        DateTimeOffset now,
        string? checkpoint = null)
    {
        var rows = await s.QueryAsync<DeliveryRow>("Deliveries.Insert", new
        {
            id = Guid.CreateVersion7(now).ToString("N"),
            itemId,
            revision,
            channel,
            operation = WireNames.Of(operation),
            nextAttemptAt = UnixMs.From(due),
            checkpoint,
            reason,
            now = UnixMs.From(now),
        });
        return rows[0].ToDelivery();
    }
}
