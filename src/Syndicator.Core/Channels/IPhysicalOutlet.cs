namespace Syndicator.Core.Channels;

/// <summary>
/// A hand-off connector whose outlet is a physical one (a notice board, 信息公开栏) implements this beside
/// <see cref="IHandoffPackager"/>: nothing there has a URL, so an operator completes its hand-offs with the day the
/// notice went up (a publish or update) or came down (a withdraw), and may add a photo.
/// </summary>
public interface IPhysicalOutlet
{
    /// <summary>Days a posted notice stays up; once they have passed the watchdog reminds to take it down. 0: no period.</summary>
    int DisplayDays { get; }

    /// <summary>The largest photo an operator may attach to a confirmation, in bytes.</summary>
    int MaxPhotoBytes { get; }
}
