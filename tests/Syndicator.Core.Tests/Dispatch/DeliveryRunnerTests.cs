using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests.Dispatch;

/// <summary>One try of one claimed delivery, judged by what the store records.</summary>
public sealed class DeliveryRunnerTests
{
    private static DispatchHarness CreateSut() => new();

    [Fact]
    public async Task RunAsync_ConnectorSucceeds_DeliverySucceededAndPlaced()
    {
        var sut = CreateSut();
        var url = new Uri("https://slj.tx.gov.cn/art/2026/3/2/art_1.html");
        sut.Connectors.With("bureau", FakeChannel.Returning(new ChannelOutcome.Succeeded("art_1", url) { Code = "200" }));
        var item = Some.Item(channels: ["bureau"]);
        var delivery = (await sut.AcceptAsync(item))["bureau"];

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal(DeliveryStatus.Succeeded, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal("art_1", stored.RemoteId);
        Assert.Equal(url, stored.Url);
        Assert.Null(stored.LastError);
        Assert.Null(stored.NextAttemptAt);
        var attempt = Assert.Single(await sut.AttemptsAsync(delivery.Id));
        Assert.Equal(("succeeded", "200", 1), (attempt.Outcome, attempt.Code, attempt.Number));
        var placement = await sut.Deliveries.GetPlacementAsync(item.Id, "bureau", CancellationToken.None);
        Assert.Equal(("art_1", 1), (placement!.RemoteId, placement.Revision));
        Assert.Contains(sut.Store.Audit, a => a.Action == "delivery.succeeded" && a.DeliveryId == delivery.Id);
        Assert.Equal(ItemStatus.Delivered, (await sut.ItemAsync(item.Id)).Status);
    }

    [Fact]
    public async Task RunAsync_ConnectorTransient_PendingOnFirstStepWithError()
    {
        var sut = CreateSut();
        sut.Connectors.With("bureau", FakeChannel.Returning(new ChannelOutcome.Transient("HTTP 503 Service Unavailable") { Code = "503" }));
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal(DeliveryStatus.Pending, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(sut.Time.GetUtcNow().AddSeconds(30), stored.NextAttemptAt);
        Assert.Equal("HTTP 503 Service Unavailable", stored.LastError);
        var attempt = Assert.Single(await sut.AttemptsAsync(delivery.Id));
        Assert.Equal(("transient", "503"), (attempt.Outcome, attempt.Code));
        Assert.Null(await sut.Deliveries.GetPlacementAsync(delivery.ItemId, "bureau", CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_SecondTransient_SecondStepAndAttemptNumberTwo()
    {
        var sut = CreateSut();
        sut.Connectors.With("bureau", FakeChannel.Returning(new ChannelOutcome.Transient("timeout")));
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];
        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);
        sut.Time.Advance(TimeSpan.FromSeconds(30));

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal((DeliveryStatus.Pending, 2), (stored.Status, stored.Attempts));
        Assert.Equal(sut.Time.GetUtcNow().AddMinutes(2), stored.NextAttemptAt);
        Assert.Equal([1, 2], (await sut.AttemptsAsync(delivery.Id)).Select(a => a.Number));
    }

    [Fact]
    public async Task RunAsync_ConnectorThrows_TransientRecordedAndOtherChannelUnaffected()
    {
        var sut = CreateSut();
        sut.Connectors.With("wechat", FakeChannel.Throwing(new InvalidOperationException("token cache corrupt")));
        var item = Some.Item(channels: ["bureau", "wechat"]);
        var deliveries = await sut.AcceptAsync(item);

        await Task.WhenAll(
            sut.Runner.RunAsync(await sut.ClaimAsync("wechat"), CancellationToken.None),
            sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None));

        var failed = await sut.DeliveryAsync(deliveries["wechat"].Id);
        Assert.Equal((DeliveryStatus.Pending, 1), (failed.Status, failed.Attempts));
        Assert.Contains("InvalidOperationException", failed.LastError, StringComparison.Ordinal);
        Assert.Contains("token cache corrupt", failed.LastError, StringComparison.Ordinal);
        Assert.Equal("transient", Assert.Single(await sut.AttemptsAsync(deliveries["wechat"].Id)).Outcome);
        Assert.Equal(DeliveryStatus.Succeeded, (await sut.DeliveryAsync(deliveries["bureau"].Id)).Status);
    }

    [Fact]
    public async Task RunAsync_ConnectorThrowsLeaseLost_NothingRecorded()
    {
        var sut = CreateSut();
        sut.Connectors.With("bureau", FakeChannel.Throwing(new LeaseLostException()));
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal((DeliveryStatus.InProgress, 0, null), (stored.Status, stored.Attempts, stored.LastError));
        Assert.Empty(await sut.AttemptsAsync(delivery.Id));
    }

    [Fact]
    public async Task RunAsync_LeaseTakenOverBeforeCheckpoint_NothingRecordedAndNothingPlaced()
    {
        var sut = CreateSut();
        var store = sut.Store;
        sut.Connectors.With("bureau", new FakeChannel(async (context, ct) =>
        {
            store.TakeOver(context.Delivery.Id, sut.Time.GetUtcNow().AddMinutes(1));
            await context.SaveCheckpointAsync(context.Checkpoint.With("step", "create-sent"), ct);
            return FakeChannel.Succeeded(context);
        }));
        var item = Some.Item(channels: ["bureau"]);
        var delivery = (await sut.AcceptAsync(item))["bureau"];

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal((DeliveryStatus.InProgress, 0), (stored.Status, stored.Attempts));
        Assert.True(stored.Checkpoint.IsEmpty);
        Assert.Empty(await sut.AttemptsAsync(delivery.Id));
        Assert.Null(await sut.Deliveries.GetPlacementAsync(item.Id, "bureau", CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_CheckpointSavedThenTransient_NextTryStartsFromIt()
    {
        var sut = CreateSut();
        var tries = 0;
        sut.Connectors.With("bureau", new FakeChannel(async (context, ct) =>
        {
            if (++tries == 1)
            {
                await context.SaveCheckpointAsync(context.Checkpoint.With("remoteId", "77"), ct);
                return new ChannelOutcome.Transient("publish step timed out");
            }

            return new ChannelOutcome.Succeeded(context.Checkpoint["remoteId"] ?? "new", null);
        }));
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];
        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);
        sut.Time.Advance(TimeSpan.FromSeconds(30));

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal((DeliveryStatus.Succeeded, 2, "77"), (stored.Status, stored.Attempts, stored.RemoteId));
        Assert.Equal("77", stored.Checkpoint["remoteId"]);
    }

    [Fact]
    public async Task RunAsync_TryOutlastsAttemptTimeout_TransientCutOffAndAMinuteBeforeTheNext()
    {
        var sut = CreateSut();
        var hanging = FakeChannel.Hanging();
        sut.Connectors.With("bureau", hanging);
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];

        var run = sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);
        await Eventually.WithinAsync(hanging.Started, "the try to start");
        sut.Time.Advance(TimeSpan.FromSeconds(11));
        await Eventually.WithinAsync(run, "the try to be cut off");

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal((DeliveryStatus.Pending, 1), (stored.Status, stored.Attempts));
        Assert.Contains("longer than 10 s", stored.LastError, StringComparison.Ordinal);

        // The schedule's first step is 30 s; a timed-out platform is given at least Retry:SlowDownAtLeast (60 s).
        Assert.Equal(sut.Time.GetUtcNow().AddSeconds(60), stored.NextAttemptAt);
    }

    [Fact]
    public async Task RunAsync_HardStopDuringTry_ReleasedWithoutCountingAttempt()
    {
        var sut = CreateSut();
        var hanging = FakeChannel.Hanging();
        sut.Connectors.With("bureau", hanging);
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];
        using var hardStop = new CancellationTokenSource();

        var run = sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), hardStop.Token);
        await Eventually.WithinAsync(hanging.Started, "the try to start");
        await hardStop.CancelAsync();
        await Eventually.WithinAsync(run, "the try to stop");

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal((DeliveryStatus.Pending, 0, sut.Time.GetUtcNow()), (stored.Status, stored.Attempts, stored.NextAttemptAt));
        Assert.Empty(await sut.AttemptsAsync(delivery.Id));
    }

    [Fact]
    public async Task RunAsync_PublishQueuedBeforeEarlierRevisionWentLive_RunsAsUpdate()
    {
        var sut = CreateSut();
        var item = Some.Item(channels: ["bureau"]);
        var first = (await sut.AcceptAsync(item))["bureau"];
        var firstLease = await sut.ClaimAsync("bureau");
        var second = (await sut.AcceptAsync(Some.Item(id: item.Id, revision: 2, channels: ["bureau"])))["bureau"];
        Assert.Equal(DeliveryOperation.Publish, second.Operation);
        await sut.Runner.RunAsync(firstLease, CancellationToken.None);

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(second.Id);
        Assert.Equal((DeliveryStatus.Succeeded, DeliveryOperation.Update), (stored.Status, stored.Operation));
        Assert.Equal(DeliveryOperation.Publish, (await sut.DeliveryAsync(first.Id)).Operation);
        Assert.Equal(2, (await sut.Deliveries.GetPlacementAsync(item.Id, "bureau", CancellationToken.None))!.Revision);
    }

    [Theory]
    [InlineData(DeliveryOperation.Publish, false, DeliveryOperation.Publish)]
    [InlineData(DeliveryOperation.Publish, true, DeliveryOperation.Update)]
    [InlineData(DeliveryOperation.Update, true, DeliveryOperation.Update)]
    [InlineData(DeliveryOperation.Update, false, DeliveryOperation.Publish)]
    [InlineData(DeliveryOperation.Withdraw, true, DeliveryOperation.Withdraw)]
    [InlineData(DeliveryOperation.Withdraw, false, DeliveryOperation.Withdraw)]
    public void Resolve_RequestedAndWhatIsLive_OperationToRun(DeliveryOperation requested, bool live, DeliveryOperation expected)
    {
        var placement = live ? new Placement("txsl-1", "bureau", 1, "art_1", null, Some.Instant()) : null;

        Assert.Equal(expected, DeliveryRunner.Resolve(requested, placement));
    }

    [Fact]
    public async Task RunAsync_TriesKeptDyingThreeTimes_QuarantinedAsUnconfirmedWithoutCallingThePlatform()
    {
        var sut = CreateSut();
        var channel = FakeChannel.Returning(new ChannelOutcome.Succeeded("art_1", null));
        sut.Connectors.With("bureau", channel);
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];
        for (var i = 0; i < 3; i++)
        {
            await sut.ClaimAsync("bureau"); // a worker that dies: its lease runs out unfinished
            sut.Time.Advance(TimeSpan.FromMinutes(2));
        }

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var stored = await sut.DeliveryAsync(delivery.Id);
        Assert.Equal(DeliveryStatus.Unconfirmed, stored.Status);
        Assert.Contains("quarantined", stored.LastError, StringComparison.Ordinal);
        Assert.Empty(channel.Calls);
    }

    [Fact]
    public async Task RunAsync_TwoUnfinishedTries_StillTried()
    {
        var sut = CreateSut();
        sut.Connectors.With("bureau", FakeChannel.Returning(new ChannelOutcome.Succeeded("art_1", null)));
        var delivery = (await sut.AcceptAsync(Some.Item(channels: ["bureau"])))["bureau"];
        for (var i = 0; i < 2; i++)
        {
            await sut.ClaimAsync("bureau");
            sut.Time.Advance(TimeSpan.FromMinutes(2));
        }

        await sut.Runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        Assert.Equal(DeliveryStatus.Succeeded, (await sut.DeliveryAsync(delivery.Id)).Status);
    }
}
