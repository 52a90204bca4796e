using Syndicator.Core.Channels;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    private IHealthCheckStore HealthChecks => Store.HealthChecks;

    private static HealthCheck Check(string channel, DateTimeOffset at, ChannelHealthStatus status = ChannelHealthStatus.Healthy, string node = "node-a") =>
        new(channel, status, 120, $"{status} at {at:O}", at, node);

    [Fact]
    public async Task HealthChecksLatestAsync_NeverChecked_Null()
    {
        Assert.Null(await HealthChecks.LatestAsync("bureau", Ct));
        Assert.Empty(await HealthChecks.HistoryAsync("bureau", 10, Ct));
    }

    [Fact]
    public async Task HealthChecksRecordAsync_EveryField_ReadBackAsWritten()
    {
        var check = Check("wechat", T0, ChannelHealthStatus.Degraded) with
        {
            ScheduledFor = T0.AddSeconds(-1),
            Quota = new Dictionary<string, long> { ["freepublish"] = 97 },
        };

        await HealthChecks.RecordAsync(check, Ct);

        var stored = await HealthChecks.LatestAsync("wechat", Ct);
        Assert.NotNull(stored);
        Assert.Equal((check.Channel, check.Status, check.LatencyMs, check.Detail, check.CheckedAt, check.Node, check.ScheduledFor),
            (stored.Channel, stored.Status, stored.LatencyMs, stored.Detail, stored.CheckedAt, stored.Node, stored.ScheduledFor));
        Assert.Equal(97, stored.Quota!["freepublish"]);
    }

    [Fact]
    public async Task HealthChecksLatestAsync_SeveralChecksAndChannels_NewestOfThatChannel()
    {
        await HealthChecks.RecordAsync(Check("bureau", T0.AddMinutes(5), ChannelHealthStatus.Unhealthy), Ct);
        await HealthChecks.RecordAsync(Check("bureau", T0), Ct);
        await HealthChecks.RecordAsync(Check("portal", T0.AddMinutes(10)), Ct);

        var latest = await HealthChecks.LatestAsync("bureau", Ct);

        Assert.Equal((ChannelHealthStatus.Unhealthy, T0.AddMinutes(5)), (latest!.Status, latest.CheckedAt));
    }

    [Fact]
    public async Task HealthChecksHistoryAsync_Limit_NewestFirstAndOnlyThatChannel()
    {
        for (var i = 0; i < 5; i++)
        {
            await HealthChecks.RecordAsync(Check("bureau", T0.AddMinutes(i)), Ct);
            await HealthChecks.RecordAsync(Check("portal", T0.AddMinutes(i)), Ct);
        }

        var history = await HealthChecks.HistoryAsync("bureau", 3, Ct);

        Assert.Equal([T0.AddMinutes(4), T0.AddMinutes(3), T0.AddMinutes(2)], history.Select(c => c.CheckedAt));
        Assert.All(history, c => Assert.Equal("bureau", c.Channel));
    }

    [Fact]
    public async Task HealthChecksPruneAsync_OlderThanCutOff_DeletedAndCounted()
    {
        await HealthChecks.RecordAsync(Check("bureau", T0.AddDays(-40)), Ct);
        await HealthChecks.RecordAsync(Check("portal", T0.AddDays(-31)), Ct);
        await HealthChecks.RecordAsync(Check("bureau", T0.AddDays(-1)), Ct);

        var pruned = await HealthChecks.PruneAsync(T0.AddDays(-30), Ct);

        Assert.Equal(2, pruned);
        Assert.Equal([T0.AddDays(-1)], (await HealthChecks.HistoryAsync("bureau", 10, Ct)).Select(c => c.CheckedAt));
        Assert.Null(await HealthChecks.LatestAsync("portal", Ct));
    }

    [Fact]
    public async Task HealthChecksRecordAsync_TwoInstancesAtOnce_EveryCheckKeptAndSeenByBoth()
    {
        var peer = await PeerAsync();
        var peerChecks = peer.HealthChecks;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? HealthChecks : peerChecks).RecordAsync(Check("bureau", T0.AddSeconds(i), node: $"node-{i % 2}"), Ct))));

        Assert.Equal(20, (await HealthChecks.HistoryAsync("bureau", 100, Ct)).Count);
        Assert.Equal(T0.AddSeconds(19), (await peerChecks.LatestAsync("bureau", Ct))!.CheckedAt);
    }

    [Fact]
    public async Task CountByChannelAndStatusAsync_DeliveriesInSeveralStates_CountedPerChannelAndStatus()
    {
        await MakeLiveAsync(Some.Item(channels: ["bureau"], acceptedAt: T0));
        await Items.AcceptAsync(Some.Item(channels: ["bureau", "portal"], acceptedAt: T0), Actor, Ct);

        var counts = await Store.DeliveryStatistics.CountByChannelAndStatusAsync(Ct);

        Assert.Equal(
            [new DeliveryStatusCount("bureau", "pending", 1), new DeliveryStatusCount("bureau", "succeeded", 1), new DeliveryStatusCount("portal", "pending", 1)],
            counts.OrderBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Status, StringComparer.Ordinal));
    }
}
