using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Core.Tracking;

/// <summary>
/// An optional capability of a connector (发布后跟踪检查): reads what of an item is live on its platform now and compares
/// it with the approved revision. A connector that does not implement it is not verified.
/// </summary>
/// <remarks>
/// Implementers read only what the platform itself answered for this placement — the URL the channel returned, or the
/// platform's own id — never an address named by a request; they go over the channel's named HttpClient. Like
/// <see cref="Channels.IChannelConnector.ExecuteAsync"/>, they return values and throw only for bugs.
/// </remarks>
public interface IChannelVerifier
{
    /// <summary>
    /// What is live of <paramref name="placement"/>, compared with <paramref name="item"/> (the placed revision); null when
    /// the placement has nothing to check (e.g. a site that stores contents unpublished returned no page).
    /// </summary>
    Task<LiveCheck?> VerifyAsync(Placement placement, ItemRevision item, CancellationToken cancellationToken);
}

/// <summary>The result of one verification of one placement.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Title">The live title, when one was read.</param>
/// <param name="Fingerprint">The live body's fingerprint (<see cref="ContentFingerprint"/>), when one was read.</param>
/// <param name="Detail">What was seen, in plain words (which part differs, the HTTP status, the platform's code).</param>
public sealed record LiveCheck(LiveStatus Status, string? Title, string? Fingerprint, string Detail);

/// <summary>What a verification found. Wire names: <see cref="LiveStatusNames"/>.</summary>
public enum LiveStatus
{
    /// <summary>Live, with the approved title and body.</summary>
    Verified,

    /// <summary>Live, but the title or the body is not what was approved.</summary>
    Changed,

    /// <summary>Gone: the page answers 404 or 410, or the platform says the article was deleted or banned.</summary>
    Missing,

    /// <summary>No answer to judge by: a network failure, a timeout, a 5xx, or an answer of an unexpected kind.</summary>
    Unreachable,
}

/// <summary>The wire names of <see cref="LiveStatus"/>, as the API and the store write them.</summary>
public static class LiveStatusNames
{
    public static string Of(LiveStatus status) => status switch
    {
        LiveStatus.Verified => "verified",
        LiveStatus.Changed => "changed",
        LiveStatus.Missing => "missing",
        LiveStatus.Unreachable => "unreachable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static LiveStatus Parse(string value) => value switch
    {
        "verified" => LiveStatus.Verified,
        "changed" => LiveStatus.Changed,
        "missing" => LiveStatus.Missing,
        "unreachable" => LiveStatus.Unreachable,
        _ => throw new FormatException($"Unknown tracking status '{value}'."),
    };
}
