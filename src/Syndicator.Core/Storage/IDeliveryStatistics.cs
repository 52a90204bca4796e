namespace Syndicator.Core.Storage;

/// <summary>Counts over all deliveries, for <c>/metrics</c> and the channel overview.</summary>
public interface IDeliveryStatistics
{
    /// <summary>How many deliveries each channel has in each status; pairs with no delivery are left out.</summary>
    Task<IReadOnlyList<DeliveryStatusCount>> CountByChannelAndStatusAsync(CancellationToken cancellationToken);
}

/// <summary>The number of deliveries of one channel in one status (its wire name, e.g. <c>succeeded</c>).</summary>
public sealed record DeliveryStatusCount(string Channel, string Status, long Count);
