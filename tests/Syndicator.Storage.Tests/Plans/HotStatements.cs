namespace Syndicator.Storage.Tests.Plans;

/// <summary>
/// Every statement of the hot paths (intake's accept; the lanes' claim, renew, checkpoint, release, complete with its
/// attempt, audit and placement, next due; the status reads; the events written with them, the subscriptions' lanes
/// and the operators' event reads) with the index each must be planned on. A script added
/// under one of <see cref="Folders"/> must be added here (PlanTableTests), so nothing hot escapes.
/// </summary>
public static class HotStatements
{
    /// <summary>The folders whose every script is hot.</summary>
    public static readonly string[] Folders = ["Deliveries", "Leases", "Items", "Placements", "Attempts", "Audit", "IndexNumbers", "Events"];

    private const string ItemStatus = "ix_deliveries_item_status";
    private const string Due = "ix_deliveries_due";

    /// <summary>A write under a lease: by id, or within the few running rows (PostgreSQL may pick either).</summary>
    private const string Leased = "deliveries_id_key|ix_deliveries_running";

    private const string EventsDue = "ix_event_deliveries_due";

    /// <summary>An event's write under a lease: by its key, or by the event (PostgreSQL may pick either, or the due index).</summary>
    private const string EventLeased = "event_deliveries_pkey|ix_event_deliveries_event|ix_event_deliveries_due";

    private static readonly string[] None = [];

    public static readonly HotStatement[] All =
    [
        // Intake: accept.
        new("Items.FindRevisionHash", ["sqlite_autoindex_item_revisions_1"], ["item_revisions_pkey"]),
        new("Items.FindLatestRevision", ["sqlite_autoindex_items_1"], ["items_pkey"]),
        new("IndexNumbers.OfItem", ["sqlite_autoindex_index_numbers_2"], ["index_numbers_item_id_key"]),
        new("IndexNumbers.Holder", ["sqlite_autoindex_index_numbers_1"], ["index_numbers_pkey"]),
        new("IndexNumbers.NextSerial", None, None),
        new("IndexNumbers.Assign", None, None),
        new("IndexNumbers.SetOnItem", ["sqlite_autoindex_items_1"], ["items_pkey"]),
        new("Items.Upsert", None, None),
        new("Items.InsertRevision", None, None),
        new("Deliveries.SupersedePending", [ItemStatus], [ItemStatus]),
        new("Deliveries.SupersedeForWithdraw", [ItemStatus], [ItemStatus]),
        new("Placements.Exists", ["sqlite_autoindex_placements_1"], ["placements_pkey"]),
        new("Deliveries.Insert", None, None),
        new("Audit.Insert", None, None),

        // Lanes.
        new("Leases.Claim", ["ix_deliveries_confirming", "ix_deliveries_running", Due, ItemStatus], ["ix_deliveries_confirming", "ix_deliveries_running", Due, ItemStatus]),
        new("Leases.Context", ["sqlite_autoindex_deliveries_1", "sqlite_autoindex_item_revisions_1", "sqlite_autoindex_items_1", "sqlite_autoindex_placements_1"],
            ["deliveries_id_key", "item_revisions_pkey", "items_pkey", "placements_pkey"]),
        new("Leases.NextDue", [Due, ItemStatus], [Due, ItemStatus]),
        new("Leases.Renew", ["sqlite_autoindex_deliveries_1"], [Leased]),
        new("Leases.SaveCheckpoint", ["sqlite_autoindex_deliveries_1"], [Leased]),
        new("Leases.Release", ["sqlite_autoindex_deliveries_1"], [Leased]),
        new("Leases.Complete", ["sqlite_autoindex_deliveries_1"], [Leased]),
        new("Attempts.Insert", None, None),
        new("Placements.UpsertFromDelivery", ["sqlite_autoindex_deliveries_1", "sqlite_autoindex_placements_1"], ["deliveries_id_key"]),
        new("Placements.Delete", ["sqlite_autoindex_placements_1"], ["placements_pkey"]),
        new("Placements.Get", ["sqlite_autoindex_placements_1"], ["placements_pkey"]),
        new("Items.GetDocument", ["sqlite_autoindex_item_revisions_1"], ["item_revisions_pkey"]),
        new("Deliveries.FindLater", [ItemStatus], [ItemStatus]),
        new("Deliveries.HasInFlight", [ItemStatus], [ItemStatus]),

        // Status reads and operators' look-ups.
        new("Deliveries.Counts", ["sqlite_autoindex_delivery_counts_1", "ix_deliveries_active_since", "ix_deliveries_channel_status"],
            ["ix_deliveries_active_since", "ix_deliveries_channel_status"]),
        new("Items.Get", ["sqlite_autoindex_items_1"], ["items_pkey"]),
        new("Items.List", ["ix_items_accepted", ItemStatus], ["ix_items_accepted", ItemStatus], OrderedWalk: true),
        new("Deliveries.ByItems", [ItemStatus], [ItemStatus]),
        new("Deliveries.Get", ["sqlite_autoindex_deliveries_1"], ["deliveries_id_key"]),
        new("Deliveries.GetForUpdate", ["sqlite_autoindex_deliveries_1"], ["deliveries_id_key"]),
        new("Deliveries.WithdrawableChannels", ["sqlite_autoindex_placements_1", ItemStatus], ["placements_pkey", ItemStatus]),
        new("Attempts.ByDelivery", ["ix_attempts_delivery"], ["ix_attempts_delivery"]),
        new("Audit.List", ["ix_audit_at"], ["ix_audit_at"], OrderedWalk: true),
        new("Audit.ListForItem", ["ix_audit_item"], ["ix_audit_item"]),

        // Events: written in the change's transaction (intake, completions, confirmations, withdrawals).
        new("Events.Insert", ["ix_event_deliveries_event"], None),
        new("Events.Route", None, None),
        new("Events.ItemPlacements", ["sqlite_autoindex_placements_1"], ["placements_pkey"]),
        new("Events.ActiveWithdrawals", [ItemStatus], [ItemStatus]),
        new("Events.CurrentDeliveries", [ItemStatus], [ItemStatus]),

        // Events: the subscriptions' lanes. A write under a lease finds its row by (subscription, event) or, on
        // PostgreSQL, by the event alone (at most one row per subscription).
        new("Events.Claim", ["sqlite_autoindex_event_deliveries_1", EventsDue], [EventsDue]),
        new("Events.Get", ["INTEGER PRIMARY KEY"], ["events_pkey"]),
        new("Events.NextDue", [EventsDue], [EventsDue]),
        new("Events.Renew", ["sqlite_autoindex_event_deliveries_1"], [EventLeased]),
        new("Events.Complete", ["sqlite_autoindex_event_deliveries_1"], [EventLeased]),
        new("Events.Release", ["sqlite_autoindex_event_deliveries_1"], [EventLeased]),

        // Events: operators' reads and replay.
        new("Events.Counts", [EventsDue, "ix_event_deliveries_failed", "sqlite_autoindex_event_deliveries_1"],
            [EventsDue, "ix_event_deliveries_failed", "event_deliveries_pkey|ix_event_deliveries_event"]),
        new("Events.List", ["ix_event_deliveries_event"], ["ix_event_deliveries_event|event_deliveries_pkey"], OrderedWalk: true),
        new("Events.ListFailed", ["ix_event_deliveries_failed"], ["ix_event_deliveries_failed", "events_pkey"], OrderedWalk: true),
        new("Events.ListForItem", ["ix_events_item"], ["ix_events_item"]),
        new("Events.ReplayCandidates", ["INTEGER PRIMARY KEY"], ["events_pkey|ix_events_occurred"]),
        new("Events.Replay", None, None),
    ];

    public static TheoryData<HotStatement> Data() => [.. All];
}
