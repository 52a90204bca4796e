using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Core.Storage;

/// <summary>
/// Items and their revisions. Implementations: SQLite (default) and PostgreSQL; both pass one conformance suite.
/// </summary>
public interface IItemStore
{
    /// <summary>
    /// Accepts a revision in one transaction: stores it, supersedes pending deliveries of older revisions on its
    /// channels, adds one delivery per channel (an update where the item is live there, else a publish) and an audit
    /// entry. A replay of an accepted revision with the same content hash changes nothing.
    /// </summary>
    /// <remarks>
    /// The item's 索引号 is settled in the same transaction: a known item keeps the one it has (a revision that brings
    /// another is refused: <see cref="AcceptKind.IndexNumberChanged"/>); a new item keeps the one it brings if no other
    /// item holds it (else <see cref="AcceptKind.IndexNumberTaken"/>), or is given the next serial of
    /// <paramref name="index"/>. A number once given is never given again, even after a withdrawal. The stored revision
    /// carries the number.
    /// </remarks>
    Task<AcceptOutcome> AcceptAsync(ItemRevision item, string actor, IndexNumberScheme? index, CancellationToken cancellationToken);

    /// <summary>Accepts a revision without forming an index number (an item may still bring its own).</summary>
    Task<AcceptOutcome> AcceptAsync(ItemRevision item, string actor, CancellationToken cancellationToken) =>
        AcceptAsync(item, actor, null, cancellationToken);

    /// <summary>The item's latest revision with every delivery of every revision, oldest first; null when unknown.</summary>
    Task<ItemRecord?> GetAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>A page of items, newest first.</summary>
    Task<IReadOnlyList<ItemRecord>> ListAsync(ItemQuery query, CancellationToken cancellationToken);

    /// <summary>One revision in full, media included; null when unknown.</summary>
    Task<ItemRevision?> GetRevisionAsync(string itemId, int revision, CancellationToken cancellationToken);
}

public enum AcceptKind
{
    /// <summary>A new item or a new revision: stored, deliveries added.</summary>
    Accepted,

    /// <summary>The identical revision was already accepted: nothing changed.</summary>
    Replayed,

    /// <summary>That id and revision were accepted with other content.</summary>
    Conflict,

    /// <summary>A newer revision of the item is already accepted.</summary>
    Stale,

    /// <summary>The index number the new item brings is another item's.</summary>
    IndexNumberTaken,

    /// <summary>The revision brings an index number other than the one the item has.</summary>
    IndexNumberChanged,
}

/// <summary>
/// What <see cref="IItemStore.AcceptAsync(ItemRevision, string, IndexNumberScheme?, CancellationToken)"/> did;
/// <see cref="LatestRevision"/> is the item's newest accepted revision, <see cref="IndexNumber"/> its 索引号 (for
/// <see cref="AcceptKind.IndexNumberTaken"/> and <see cref="AcceptKind.IndexNumberChanged"/>: the one that stands).
/// </summary>
public sealed record AcceptOutcome(AcceptKind Kind, int LatestRevision, string? IndexNumber = null)
{
    /// <summary>
    /// The item as it stands after an accept or a replay, read in the accepting transaction, so that the answer
    /// needs no read-back (null: the store did not read it, or the revision was refused). A read carried along, not
    /// part of what the store decided: outcomes compare equal without it.
    /// </summary>
    public ItemRecord? Record { get; init; }

    public bool Equals(AcceptOutcome? other) =>
        other is not null && (Kind, LatestRevision, IndexNumber) == (other.Kind, other.LatestRevision, other.IndexNumber);

    public override int GetHashCode() => HashCode.Combine(Kind, LatestRevision, IndexNumber);
}

/// <summary>An item as operators list it: the latest revision's facts and its deliveries.</summary>
public sealed record ItemRecord(
    string Id,
    int Revision,
    string Title,
    string Category,
    string? IndexNumber,
    DateTimeOffset AcceptedAt,
    IReadOnlyList<Delivery> Deliveries)
{
    public ItemStatus Status => ItemStatusRules.Of(Deliveries);
}

/// <summary>A filter for listing items. Null fields do not filter.</summary>
public sealed record ItemQuery(
    ItemStatus? Status = null,
    string? Channel = null,
    string? Category = null,
    DateTimeOffset? Since = null,
    int Limit = 50);
