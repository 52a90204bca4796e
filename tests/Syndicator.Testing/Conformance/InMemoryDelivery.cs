using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Testing.Conformance;

/// <summary>
/// One delivery whose checkpoint lives in memory between tries, the way the store keeps it between claims:
/// each <see cref="NextTry"/> hands the connector a fresh <see cref="DeliveryContext"/> that starts from the last
/// checkpoint saved.
/// </summary>
public sealed class InMemoryDelivery
{
    private readonly List<Checkpoint> _saved = [];

    public InMemoryDelivery(
        ItemRevision item,
        string channel,
        DeliveryOperation operation = DeliveryOperation.Publish,
        Placement? live = null,
        Checkpoint? checkpoint = null)
    {
        Item = item;
        Operation = operation;
        Live = live;
        Delivery = Some.Delivery(item, channel, operation, checkpoint: checkpoint);
    }

    public ItemRevision Item { get; }

    public DeliveryOperation Operation { get; }

    /// <summary>What of the item is live on the channel, as the store's placement would say.</summary>
    public Placement? Live { get; set; }

    /// <summary>The delivery row as the store holds it now (its checkpoint included).</summary>
    public Delivery Delivery { get; private set; }

    public Checkpoint Checkpoint => Delivery.Checkpoint;

    /// <summary>Every checkpoint saved, in order.</summary>
    public IReadOnlyList<Checkpoint> Saved => _saved;

    /// <summary>The category's column on the channel, as the catalogue would resolve it; null: the channel's default.</summary>
    public string? Column { get; set; }

    /// <summary>What of the item is live on other channels, by channel id.</summary>
    public Dictionary<string, Placement> OtherPlacements { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every save throws it (e.g. <see cref="LeaseLostException"/>: another worker took over).</summary>
    public Exception? FailSavesWith { get; set; }

    public DeliveryContext NextTry() => new(Delivery, Operation, Item, Live, SaveAsync)
    {
        Column = Column,
        FindPlacement = (channel, _) => Task.FromResult(OtherPlacements.GetValueOrDefault(channel)),
    };

    /// <summary>The placement a succeeded publish or update leaves behind.</summary>
    public Placement PlacementOf(ChannelOutcome.Succeeded succeeded) =>
        new(Item.Id, Delivery.Channel, Item.Revision, succeeded.RemoteId, succeeded.Url, Some.Instant());

    private Task SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (FailSavesWith is { } failure)
        {
            throw failure;
        }

        _saved.Add(checkpoint);
        Delivery = Delivery with { Checkpoint = checkpoint };
        return Task.CompletedTask;
    }
}
