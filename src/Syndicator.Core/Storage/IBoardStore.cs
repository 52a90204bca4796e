namespace Syndicator.Core.Storage;

/// <summary>
/// What operators confirmed on physical outlets (notice boards): each posting and take-down, its photo, and the
/// notices still up. Written by <see cref="IDeliveryStore.ConfirmAsync(DeliveryCommand, HandoffProof, CancellationToken)"/>
/// in the confirming transaction; read here.
/// </summary>
public interface IBoardStore
{
    /// <summary>Every posting and take-down confirmed for <paramref name="itemId"/>, oldest first.</summary>
    Task<IReadOnlyList<BoardConfirmation>> ListConfirmationsAsync(string itemId, CancellationToken cancellationToken);

    /// <summary>The photo confirmed with <paramref name="deliveryId"/>; null when none was given or the delivery is unknown.</summary>
    Task<Items.MediaFile?> GetPhotoAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>
    /// The notices of <paramref name="channel"/> still up (the item is live there and a posting was confirmed), each with
    /// the latest confirmed posting day, in item id order.
    /// </summary>
    Task<IReadOnlyList<PostedNotice>> ListPostedAsync(string channel, CancellationToken cancellationToken);
}

/// <summary>Whether a confirmation put a notice up or took it down.</summary>
public enum BoardEvent
{
    Posted,
    TakenDown,
}

/// <summary>
/// One confirmed posting or take-down: the hand-off delivery it completed, whether the notice went up or came down, the
/// day it happened (China's calendar, as the operator gave it, not the day of the click), the photo's name, type and
/// size (null when none was given), and who confirmed it when.
/// </summary>
public sealed record BoardConfirmation(
    string DeliveryId, string ItemId, string Channel, BoardEvent Event, DateOnly On, BoardPhoto? Photo, string ConfirmedBy, DateTimeOffset ConfirmedAt);

/// <summary>What is known of a confirmation's photo without reading it.</summary>
public sealed record BoardPhoto(string FileName, string ContentType, long Bytes);

/// <summary>A notice on a board: its item and the day it was posted.</summary>
public sealed record PostedNotice(string ItemId, string Channel, string Title, DateOnly PostedOn);
