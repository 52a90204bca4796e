using Syndicator.Core.Deliveries;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>Steps shared by intake and the operators' commands; each runs inside the caller's write transaction.</summary>
internal abstract partial class RelationalStore
{
    /// <summary>
    /// Supersedes the unclaimed pending sends of (item, channel) and returns the checkpoint of the newest one that had
    /// started (null when none had): a create it sent may have landed, so what replaces it must reconcile, not resend.
    /// </summary>
    private static async Task<string?> SupersedeAsync(IStoreSession s, string itemId, string channel, DateTimeOffset now, bool withdrawing)
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
    private static async Task<DeliveryOperation> SendOperationAsync(IStoreSession s, string itemId, string channel) =>
        await s.ScalarAsync<bool>("Placements.Exists", new { itemId, channel })
            ? DeliveryOperation.Update
            : DeliveryOperation.Publish;

    private static async Task<Delivery> InsertDeliveryAsync(
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

    private static Task<int> AuditAsync(IStoreSession s, AuditEntry entry) => s.ExecuteAsync("Audit.Insert", AuditRow.Args(entry));

    private static async Task<Delivery?> FindDeliveryAsync(IStoreSession s, string id) =>
        (await s.QueryFirstOrDefaultAsync<DeliveryRow>("Deliveries.Get", new { id }))?.ToDelivery();

    /// <summary>The id of a later delivery of the same (item, channel) that is not superseded; null when this one is current.</summary>
    private static Task<string?> FindLaterAsync(IStoreSession s, Delivery delivery) =>
        s.QueryFirstOrDefaultAsync<string>("Deliveries.FindLater", new
        {
            itemId = delivery.ItemId,
            channel = delivery.Channel,
            seq = delivery.Sequence,
        });
}
