using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Application;

/// <summary>Confirming a hand-off: a site's URL, or a notice board's day (posted or taken down) and photo.</summary>
public sealed partial class OperatorCommands
{
    /// <summary>Completes a hand-off delivery with the address where an operator published it.</summary>
    public Task<CommandAnswer<Delivery>> ConfirmAsync(
        string deliveryId, string? url, string? reason, string actor, CancellationToken cancellationToken) =>
        ConfirmAsync(deliveryId, new HandoffConfirmation(url, Reason: reason), actor, cancellationToken);

    /// <summary>
    /// Completes a hand-off delivery: on a site with the URL where an operator published it; on a physical outlet
    /// (<see cref="IPhysicalOutlet"/>, a notice board) with the day the notice went up or came down and an optional photo.
    /// </summary>
    public async Task<CommandAnswer<Delivery>> ConfirmAsync(
        string deliveryId, HandoffConfirmation confirmation, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        if (CheckReason(confirmation.Reason, required: false) is { } refused)
        {
            return new(null, refused);
        }

        var delivery = await deliveries.GetAsync(deliveryId, cancellationToken);
        if (delivery is null && string.IsNullOrWhiteSpace(confirmation.Url))
        {
            // Without a delivery there is no channel to say which proof it takes; a URL alone is checked as before.
            return new(null, Refusal.NotFound("delivery", Shorten(deliveryId)));
        }

        var (proof, refusal) = delivery is not null && Outlet(delivery.Channel) is { } outlet
            ? await BoardProofAsync(confirmation, delivery, outlet, cancellationToken)
            : SiteProof(confirmation, delivery);
        if (refusal is not null)
        {
            return new(null, refusal);
        }

        var command = new DeliveryCommand(deliveryId, Trim(confirmation.Reason), actor, time.GetUtcNow());
        return await AnswerAsync(await deliveries.ConfirmAsync(command, proof!, cancellationToken), deliveryId, cancellationToken);
    }

    private (HandoffProof?, Refusal?) SiteProof(HandoffConfirmation confirmation, Delivery? delivery)
    {
        foreach (var (field, given) in new[] { ("postedOn", confirmation.PostedOn), ("takenDownOn", confirmation.TakenDownOn) })
        {
            if (!string.IsNullOrWhiteSpace(given))
            {
                return (null, Refusal.Field(RefusalKind.Unprocessable, "Not a notice board.", field,
                    $"{field} is for a notice board's hand-off; channel '{delivery?.Channel}' is confirmed with the url where the item was published."));
            }
        }

        if (confirmation.Photo is not null)
        {
            return (null, Refusal.Field(RefusalKind.Unprocessable, "Not a notice board.", "photo",
                $"A photo is for a notice board's hand-off; channel '{delivery?.Channel}' is confirmed with the url where the item was published."));
        }

        var url = confirmation.Url;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https") || url!.Length > 2000)
        {
            return (null, Refusal.Field(RefusalKind.Malformed, "A URL is required.", "url",
                "url must be the absolute http(s) address (at most 2,000 characters) where the item was published."));
        }

        return delivery is not null && urls.Problem(delivery.Channel, parsed) is { } problem
            ? (null, Refusal.Field(RefusalKind.Unprocessable, "This address is not one of the channel's.", "url", problem))
            : (HandoffProof.Live(parsed), null);
    }

    private async Task<(HandoffProof?, Refusal?)> BoardProofAsync(
        HandoffConfirmation confirmation, Delivery delivery, IPhysicalOutlet outlet, CancellationToken cancellationToken)
    {
        var revision = await items.GetRevisionAsync(delivery.ItemId, delivery.Revision, cancellationToken);
        var approved = revision?.Approval?.ApprovedAt ?? revision?.AcceptedAt ?? delivery.CreatedAt;
        DateOnly? posted = null;
        if (delivery.Operation == DeliveryOperation.Withdraw)
        {
            posted = (await board.ListConfirmationsAsync(delivery.ItemId, cancellationToken))
                .Where(c => c.Channel == delivery.Channel && c.Event == BoardEvent.Posted)
                .Select(c => (DateOnly?)c.On).Max();
        }

        return BoardConfirmationRules.Check(
            confirmation, delivery, outlet.MaxPhotoBytes, ChinaDay(time.GetUtcNow()), ChinaDay(approved), posted);
    }

    /// <summary>The channel's physical outlet, when its connector is one (a notice board); null for a site or an unconfigured channel.</summary>
    private IPhysicalOutlet? Outlet(string channel) =>
        catalogue.Find(channel) is not null ? connectors.For(channel) as IPhysicalOutlet : null;

    private static DateOnly ChinaDay(DateTimeOffset instant) => Tracking.WorkingDayCalendar.ChinaDate(instant);
}
