using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Core.Channels;

/// <summary>Everything a connector needs for one try of one delivery.</summary>
public sealed class DeliveryContext
{
    private readonly Func<Checkpoint, CancellationToken, Task> _save;

    public DeliveryContext(
        Delivery delivery,
        DeliveryOperation operation,
        ItemRevision item,
        Placement? live,
        Func<Checkpoint, CancellationToken, Task> saveCheckpoint)
    {
        Delivery = delivery;
        Operation = operation;
        Item = item;
        Live = live;
        Checkpoint = delivery.Checkpoint;
        _save = saveCheckpoint;
    }

    public Delivery Delivery { get; }

    /// <summary>
    /// What to do now. A publish of an item that is already live on the channel (an earlier revision finished
    /// meanwhile) runs as an update.
    /// </summary>
    public DeliveryOperation Operation { get; }

    /// <summary>The revision to deliver, media included.</summary>
    public ItemRevision Item { get; }

    /// <summary>What of this item is live on this channel now, if anything.</summary>
    public Placement? Live { get; }

    /// <summary>
    /// The column, catalogue or node id on this channel's platform for the item's category
    /// (<c>Catalogue:Categories[n]:ChannelColumns:&lt;channel&gt;</c>); null: the channel's own default.
    /// </summary>
    public string? Column { get; init; }

    /// <summary>
    /// Looks up what of this item is live on another channel (e.g. its page on the bureau's site, for a link back).
    /// Default: nothing is.
    /// </summary>
    public Func<string, CancellationToken, Task<Placement?>> FindPlacement { get; init; } =
        static (_, _) => Task.FromResult<Placement?>(null);

    /// <summary>The progress saved so far (by this try or an earlier one).</summary>
    public Checkpoint Checkpoint { get; private set; }

    public string Channel => Delivery.Channel;

    /// <summary>
    /// Persists <paramref name="checkpoint"/> under the delivery's lease. Throws <see cref="LeaseLostException"/>
    /// when another worker has taken the delivery over; the connector must then stop at once.
    /// </summary>
    public async Task SaveCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        await _save(checkpoint, cancellationToken);
        Checkpoint = checkpoint;
        Unsaved = null;
    }

    /// <summary>
    /// Keeps <paramref name="checkpoint"/> without a write of its own: it is stored with the try's outcome (in the
    /// completion's transaction), or with the next <see cref="SaveCheckpointAsync"/>. For progress right before the
    /// connector returns, or before a step that may safely be repeated; a checkpoint that must be on disk before a
    /// send that cannot be repeated goes through <see cref="SaveCheckpointAsync"/>. Lost if the try never completes
    /// (a crash, a lost lease, a shutdown), as if it had never been made.
    /// </summary>
    public void KeepCheckpoint(Checkpoint checkpoint)
    {
        Checkpoint = checkpoint;
        Unsaved = checkpoint;
    }

    /// <summary>The checkpoint kept by <see cref="KeepCheckpoint"/> and not yet stored; null when there is none.</summary>
    public Checkpoint? Unsaved { get; private set; }
}

/// <summary>The delivery's lease was taken over (fenced out); whatever this worker does next must not be written.</summary>
public sealed class LeaseLostException : Exception
{
    public LeaseLostException()
        : base("The delivery's lease was lost to another worker.")
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
