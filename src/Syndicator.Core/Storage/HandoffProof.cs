using Syndicator.Core.Items;

namespace Syndicator.Core.Storage;

/// <summary>
/// What completes a hand-off delivery: the address where an operator published the item (a site), or the day a
/// notice went up (publish, update) or came down (withdraw) on a physical outlet, with an optional photo.
/// </summary>
public sealed record HandoffProof
{
    private HandoffProof(Uri? url, DateOnly? on, MediaFile? photo)
    {
        Url = url;
        On = on;
        Photo = photo;
    }

    /// <summary>Where the item is live now; null for a physical outlet.</summary>
    public Uri? Url { get; }

    /// <summary>The day (China's calendar) the notice was posted or taken down; null for a site.</summary>
    public DateOnly? On { get; }

    /// <summary>A photo of the board (JPEG or PNG, already checked); null when none was given.</summary>
    public MediaFile? Photo { get; }

    /// <summary>Published on a site at <paramref name="url"/>.</summary>
    public static HandoffProof Live(Uri url) => new(url ?? throw new ArgumentNullException(nameof(url)), null, null);

    /// <summary>Posted on, or taken down from, a physical outlet on <paramref name="on"/>.</summary>
    public static HandoffProof Board(DateOnly on, MediaFile? photo) => new(null, on, photo);
}
