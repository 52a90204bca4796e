using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Channels.Toolkit;

/// <summary>
/// The plumbing every hand-off connector shares: each operation ends its try in <see cref="ChannelOutcome.HandedOff"/>
/// (delivery status <c>handoff</c>) with the connector's instructions, nothing is sent anywhere (so a retry is
/// harmless), and the package carries the title, the body as HTML and as text, the metadata table, the images, the
/// attachments and whatever documents the connector adds (<see cref="Files"/>). A connector says what to do
/// (<see cref="Instructions"/>) and how healthy it is.
/// </summary>
public abstract class HandoffConnectorBase : IChannelConnector, IHandoffPackager
{
    protected HandoffConnectorBase(string channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        Channel = channel;
    }

    /// <summary>The channel's id.</summary>
    protected string Channel { get; }

    public Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult<ChannelOutcome>(new ChannelOutcome.HandedOff(Instructions(context.Operation, context.Live)));
    }

    public abstract Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken);

    public HandoffPackage Package(ItemRevision item, DeliveryOperation operation, Placement? live)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new HandoffPackage(
            Instructions(operation, live),
            item.TitleFor(Channel),
            ItemHtml.InlineImages(item.BodyHtml, item.Images),
            ItemHtml.ToText(item.BodyHtml),
            HandoffMetadata.Of(item, Channel),
            item.Images,
            item.Attachments)
        {
            Files = Files(item, operation, live),
        };
    }

    /// <summary>What an operator must do to carry out <paramref name="operation"/> (Chinese first).</summary>
    protected abstract string Instructions(DeliveryOperation operation, Placement? live);

    /// <summary>Documents made for this hand-off, e.g. a notice to print. Default: none.</summary>
    protected virtual IReadOnlyList<MediaFile> Files(ItemRevision item, DeliveryOperation operation, Placement? live) => [];
}
