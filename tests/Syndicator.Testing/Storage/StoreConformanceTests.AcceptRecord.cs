using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    /// <summary>Accepting (or replaying) answers with the item as the same transaction left it: the 202 reads nothing back.</summary>
    [Fact]
    public async Task AcceptAsync_AcceptedAndReplayed_OutcomeCarriesTheItemWithItsDeliveries()
    {
        var item = Some.Item(channels: ["portal", "wechat"], acceptedAt: T0);

        var accepted = await Items.AcceptAsync(item, Actor, Ct);
        var replayed = await Items.AcceptAsync(item, Actor, Ct);
        var stored = await Items.GetAsync(item.Id, Ct);

        foreach (var outcome in new[] { accepted, replayed })
        {
            Assert.NotNull(outcome.Record);
            Assert.Equal((stored!.Id, stored.Revision, stored.Title, stored.IndexNumber), (outcome.Record.Id, outcome.Record.Revision, outcome.Record.Title, outcome.Record.IndexNumber));
            Assert.Equal(stored.Deliveries, outcome.Record.Deliveries);
        }

        Assert.Equal(["portal", "wechat"], accepted.Record!.Deliveries.Select(d => d.Channel).Order(StringComparer.Ordinal));
    }
}
