namespace Syndicator.Core.Storage;

/// <summary>Counts of what was published, for the annual figures. Implementations: SQLite and PostgreSQL.</summary>
public interface IPublicationStatistics
{
    /// <summary>
    /// Per channel and item category: how many items had a publish delivery succeed in [<paramref name="start"/>,
    /// <paramref name="until"/>) (its success time). An item counts once per channel however often it was published there
    /// in the period; its category is its latest revision's. Without <paramref name="includeWithdrawn"/>, only items
    /// still live on that channel count.
    /// </summary>
    Task<IReadOnlyList<PublishedCount>> CountPublishedAsync(
        DateTimeOffset start, DateTimeOffset until, bool includeWithdrawn, CancellationToken cancellationToken);
}

/// <summary>Items of one category published on one channel.</summary>
public sealed record PublishedCount(string Channel, string Category, int Count);
