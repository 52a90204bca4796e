using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Api;

/// <summary>
/// <c>GET /api/deliveries/{id}/package</c>: what an operator pastes for a hand-off delivery; <c>files</c> holds the
/// documents the channel made for it (a notice board's <c>notice.pdf</c>).
/// </summary>
public sealed record PackageView(
    string DeliveryId, string ItemId, string Channel, int Revision, string Operation, string Status, string Instructions,
    string Title, string Html, string Text, IReadOnlyList<MetadataField> Metadata, IReadOnlyList<FileView> Images,
    IReadOnlyList<FileView> Attachments, IReadOnlyList<FileView> Files)
{
    internal static async Task<IResult> GetAsync(
        string deliveryId, IDeliveryStore deliveries, IItemStore items, ConnectorRegistry connectors, CancellationToken cancellationToken)
    {
        if (await deliveries.GetAsync(deliveryId, cancellationToken) is not { } delivery)
        {
            return Problems.NotFound("delivery", deliveryId);
        }

        if (connectors.For(delivery.Channel) is not IHandoffPackager packager)
        {
            return Problems.Field(StatusCodes.Status409Conflict, "Not a hand-off channel.", "deliveryId",
                $"Channel '{delivery.Channel}' publishes through its platform's interface; only a handoff channel's deliveries have a package.");
        }

        var item = (await items.GetRevisionAsync(delivery.ItemId, delivery.Revision, cancellationToken))!;
        var live = await deliveries.GetPlacementAsync(delivery.ItemId, delivery.Channel, cancellationToken);
        var operation = DeliveryRunner.Resolve(delivery.Operation, live);
        var package = packager.Package(item, operation, live);
        return TypedResults.Ok(new PackageView(
            delivery.Id, delivery.ItemId, delivery.Channel, delivery.Revision, WireNames.Of(operation), WireNames.Of(delivery.Status),
            package.Instructions, package.Title, package.Html, package.Text,
            [.. package.Metadata.Select(m => new MetadataField(m.Key, m.Value))],
            [.. package.Images.Select(FileView.From)], [.. package.Attachments.Select(FileView.From)],
            [.. package.Files.Select(FileView.From)]));
    }
}

/// <summary>One row of the metadata table.</summary>
public sealed record MetadataField(string Name, string Value);

/// <summary>A file of a package.</summary>
public sealed record FileView(string Name, string MediaType, string ContentBase64)
{
    internal static FileView From(MediaFile file) => new(file.Name, file.MediaType, Convert.ToBase64String(file.Content));
}
