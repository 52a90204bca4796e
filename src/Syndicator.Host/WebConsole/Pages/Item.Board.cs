using Microsoft.AspNetCore.Mvc;
using Syndicator.Core.Application;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// A notice board's deliveries on the item page: the notice to print (<c>?handler=Notice</c>), the confirmation's photo
/// (<c>?handler=Photo</c>), both under the page's sign-in and role; and the 已张贴 / 已取下 form, which confirms in one
/// post — the day the operator types is the confirmation, and a chosen photo could not survive a second step.
/// </summary>
internal sealed partial class ItemModel
{
    /// <summary>The board confirmations of the item, by delivery id.</summary>
    public IReadOnlyDictionary<string, BoardConfirmation> Board { get; private set; } = new Dictionary<string, BoardConfirmation>();

    /// <summary>Whether <paramref name="channel"/> is a physical outlet (a notice board): confirmed with a day, not a URL.</summary>
    public bool IsBoard(string channel) => catalogue.Find(channel) is not null && connectors.For(channel) is IPhysicalOutlet;

    [HandlerPolicy(ConsolePolicies.Operate)]
    public async Task<IActionResult> OnPostBoardAsync(
        string id, string deliveryId, string? day, IFormFile? photo, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFoundPage(id);
        }

        var delivery = Item.Deliveries.FirstOrDefault(d => d.Id == deliveryId);
        var takingDown = delivery?.Operation == DeliveryOperation.Withdraw;
        PhotoUpload? upload = null;
        if (photo is { Length: > 0 })
        {
            using var content = new MemoryStream();
            await photo.CopyToAsync(content, cancellationToken);
            upload = new PhotoUpload(photo.FileName, photo.ContentType, content.ToArray());
        }

        var confirmation = new HandoffConfirmation(null, takingDown ? null : day, takingDown ? day : null, upload, reason);
        var answer = await commands.ConfirmAsync(deliveryId, confirmation, ConsoleAuth.Actor(User), cancellationToken);
        return After(takingDown ? "taken_down" : "posted", id, answer.Refusal);
    }

    /// <summary>The notice to print for a board delivery, made now as the package makes it.</summary>
    public async Task<IActionResult> OnGetNoticeAsync(string id, string deliveryId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)
            || Item.Deliveries.FirstOrDefault(d => d.Id == deliveryId) is not { } delivery
            || !IsBoard(delivery.Channel) || connectors.For(delivery.Channel) is not IHandoffPackager packager)
        {
            return NotFoundPage(id);
        }

        var revision = (await items.GetRevisionAsync(delivery.ItemId, delivery.Revision, cancellationToken))!;
        var live = await deliveries.GetPlacementAsync(delivery.ItemId, delivery.Channel, cancellationToken);
        var operation = DeliveryRunner.Resolve(delivery.Operation, live);
        return packager.Package(revision, operation, live).Files.FirstOrDefault(f => f.MediaType == "application/pdf") is { } pdf
            ? File(pdf.Content, pdf.MediaType)
            : NotFoundPage(id);
    }

    /// <summary>The photo confirmed with a board delivery of this item, as it was sent.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(string id, string deliveryId, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && Board.ContainsKey(deliveryId)
            && await board.GetPhotoAsync(deliveryId, cancellationToken) is { } photo
            ? File(photo.Content, photo.MediaType)
            : NotFoundPage(id);
}
