using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Core.Tracking;

namespace Syndicator.Host.Api;

/// <summary>An item as the API shows it (DESIGN §5).</summary>
public sealed record ItemView(
    string Id, int Revision, string Title, string Category, string? IndexNumber, string Status, DateTimeOffset AcceptedAt,
    IReadOnlyList<DeliveryView> Deliveries)
{
    /// <summary>What the compliance checks found in this revision (warnings, notes); absent when nothing was found.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ComplianceView? Compliance { get; init; }
    /// <summary>
    /// What verification after release last found on each channel where the item is live (<c>GET /api/items/{id}</c>
    /// only; empty in lists and before the first check).
    /// </summary>
    public IReadOnlyList<TrackingView> Tracking { get; init; } = [];

    public static ItemView From(ItemRecord item) => new(
        item.Id, item.Revision, item.Title, item.Category, item.IndexNumber, ItemStatusRules.WireName(item.Status),
        item.AcceptedAt, item.Deliveries.Select(DeliveryView.From).ToList());
}

/// <summary>A delivery as the API shows it (DESIGN §5).</summary>
public sealed record DeliveryView(
    string Id, string ItemId, string Channel, int Revision, string Operation, string Status, int Attempts,
    DateTimeOffset? NextAttemptAt, string? RemoteId, string? Url, string? LastError, string? Reason, DateTimeOffset UpdatedAt)
{
    public static DeliveryView From(Delivery d) => new(
        d.Id, d.ItemId, d.Channel, d.Revision, WireNames.Of(d.Operation), WireNames.Of(d.Status), d.Attempts,
        d.NextAttemptAt, d.RemoteId, d.Url?.ToString(), d.LastError, d.Reason, d.UpdatedAt);
}

/// <summary>The latest verification of what is live on one channel: verified, changed, missing or unreachable.</summary>
public sealed record TrackingView(string Channel, int Revision, string Status, string Detail, DateTimeOffset CheckedAt, DateTimeOffset Since)
{
    public static TrackingView From(TrackingResult r) =>
        new(r.Channel, r.Revision, LiveStatusNames.Of(r.Status), r.Detail, r.CheckedAt, r.Since);
}

/// <summary>One try of a delivery.</summary>
public sealed record AttemptView(int Number, DateTimeOffset StartedAt, DateTimeOffset EndedAt, string Outcome, string? Code, string? Message)
{
    public static AttemptView From(Attempt a) => new(a.Number, a.StartedAt, a.EndedAt, a.Outcome, a.Code, a.Message);
}

/// <summary><c>GET /api/deliveries/{id}</c>: the delivery with its attempt log.</summary>
public sealed record DeliveryDetailView(DeliveryView Delivery, IReadOnlyList<AttemptView> Attempts)
{
    /// <summary>On a notice board, the confirmed posting or take-down; absent otherwise and before the confirmation.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public BoardView? Board { get; init; }
}

/// <summary>A page of items.</summary>
public sealed record ItemPage(int Count, IReadOnlyList<ItemView> Items);

/// <summary>The body of republish and withdraw.</summary>
public sealed record ChannelCommandRequest(List<string?>? Channels, string? Reason);

/// <summary>The body of a bulk retry.</summary>
public sealed record BulkRetryRequest(string? Channel, string? ItemId, DateTimeOffset? Since, bool DryRun, string? Reason = null);

/// <summary>What a bulk retry selected (and, unless it was a dry run, retried).</summary>
public sealed record BulkRetryView(bool DryRun, int Count, IReadOnlyList<DeliveryView> Deliveries);

/// <summary>
/// The body of a hand-off confirmation: <c>url</c> for a site; for a notice board <c>postedOn</c> (publish, update) or
/// <c>takenDownOn</c> (withdraw) as <c>yyyy-MM-dd</c>, and an optional <c>photo</c>.
/// </summary>
public sealed record ConfirmRequest(string? Url, string? PostedOn = null, string? TakenDownOn = null, PhotoRequest? Photo = null);

/// <summary>A photo of the board: its file name, <c>image/jpeg</c> or <c>image/png</c>, and the bytes as base64.</summary>
public sealed record PhotoRequest(string? FileName, string? ContentType, byte[]? Data);

/// <summary>
/// A notice board's confirmation of a delivery: the notice <c>posted</c> or <c>taken_down</c>, on which day, with
/// which photo (<c>photo</c> is null without one; the bytes at <c>GET /api/deliveries/{id}/photo</c>), by whom, when.
/// </summary>
public sealed record BoardView(string Event, string On, BoardPhotoView? Photo, string ConfirmedBy, DateTimeOffset ConfirmedAt)
{
    public static BoardView From(BoardConfirmation c) => new(
        BoardNames.Of(c.Event), BoardNames.Day(c.On),
        c.Photo is { } p ? new BoardPhotoView(p.FileName, p.ContentType, p.Bytes, $"/api/deliveries/{Uri.EscapeDataString(c.DeliveryId)}/photo") : null,
        c.ConfirmedBy, c.ConfirmedAt);
}

/// <summary>A confirmation's photo: what it is and where to fetch it.</summary>
public sealed record BoardPhotoView(string FileName, string ContentType, long Bytes, string Href);
