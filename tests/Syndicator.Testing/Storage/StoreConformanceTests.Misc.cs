using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task CountAsync_MixedStates_CountsActiveAndCurrentFailures()
    {
        await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0.AddSeconds(-20)));
        Assert.True(await SucceedAsync(await ClaimOneAsync(T0.AddSeconds(-20), "portal"), T0.AddSeconds(-19)));
        await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0.AddSeconds(-10)) with { PublishAt = T0.AddDays(2) });
        await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));
        await ClaimOneAsync(T0, "portal");
        await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0.AddSeconds(1)));
        var failed = await ClaimOneAsync(T0.AddSeconds(1), "portal");
        Assert.True(await CompleteAsync(failed, Failed(failed), T0.AddSeconds(1)));
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, channels: ["portal"], acceptedAt: T0.AddSeconds(2)));
        var replaced = await ClaimOneAsync(T0.AddSeconds(2), "portal");
        Assert.True(await CompleteAsync(replaced, Failed(replaced), T0.AddSeconds(2)));
        await AcceptAsync(Some.Item(id: id, revision: 2, channels: ["portal"], acceptedAt: T0.AddSeconds(3)));
        await AcceptAsync(Some.Item(channels: ["bureau"], acceptedAt: T0.AddMinutes(-30)));

        var counts = await Deliveries.CountAsync("portal", Ct);

        // Pending: the scheduled one, the one in progress and revision 2 of the replaced item; failed: one current failure.
        Assert.Equal(new ChannelCounts(3, 1, T0.AddSeconds(-10), T0.AddSeconds(-19)), counts);
        Assert.Equal(new ChannelCounts(0, 0, null, null), await Deliveries.CountAsync("wechat", Ct));
    }

    [Fact]
    public async Task FindByHashAsync_CreatedKey_ReturnsItAndUnknownHashNull()
    {
        var key = new ApiKeyRecord($"k{Some.Int()}", "审批系统", $"hash-{Some.Int()}", ["submit", "read"], T0);

        await Store.Keys.CreateAsync(key, Ct);
        var found = await Store.Keys.FindByHashAsync(key.Hash, Ct);

        Assert.NotNull(found);
        Assert.Equal((key.Id, key.Name, key.Hash, key.CreatedAt), (found.Id, found.Name, found.Hash, found.CreatedAt));
        Assert.Equal(key.Scopes, found.Scopes);
        Assert.Null(await Store.Keys.FindByHashAsync("hash-unknown", Ct));
    }

    [Fact]
    public async Task RevokeAsync_ActiveKey_RefusedByHashListedRevokedAndFirstRevocationKept()
    {
        var key = new ApiKeyRecord($"k{Some.Int()}", "审批系统", $"hash-{Some.Int()}", ["submit"], T0);
        await Store.Keys.CreateAsync(key, Ct);

        var first = await Store.Keys.RevokeAsync(key.Id, "cli", T0.AddMinutes(1), Ct);
        var second = await Store.Keys.RevokeAsync(key.Id, "user:admin", T0.AddMinutes(2), Ct);

        Assert.Null(await Store.Keys.FindByHashAsync(key.Hash, Ct));
        Assert.True(first!.Revoked);
        Assert.Equal((key.Id, key.Name, T0, (DateTimeOffset?)T0.AddMinutes(1), "cli"),
            (first.Key.Id, first.Key.Name, first.Key.CreatedAt, first.Key.RevokedAt, first.Key.RevokedBy));
        Assert.Equal(key.Scopes, first.Key.Scopes);
        Assert.False(second!.Revoked);
        Assert.Equal((first.Key.RevokedAt, "cli"), (second.Key.RevokedAt, second.Key.RevokedBy));
        Assert.Null(await Store.Keys.RevokeAsync("no-such-key", "cli", T0, Ct));
    }

    [Fact]
    public async Task ListKeysAsync_ActiveAndRevoked_OldestFirstWithRevocation()
    {
        var older = new ApiKeyRecord($"k{Some.Int()}", "审批系统", $"hash-{Some.Int()}", ["submit", "read"], T0);
        var newer = new ApiKeyRecord($"k{Some.Int()}", "监控", $"hash-{Some.Int()}", ["read"], T0.AddMinutes(1));
        await Store.Keys.CreateAsync(newer, Ct);
        await Store.Keys.CreateAsync(older, Ct);
        await Store.Keys.RevokeAsync(newer.Id, "cli", T0.AddMinutes(5), Ct);

        var listed = (await Store.Keys.ListKeysAsync(Ct)).Where(k => k.Id == older.Id || k.Id == newer.Id).ToList();

        Assert.Equal(2, listed.Count);
        Assert.Equal((older.Id, "审批系统", (DateTimeOffset?)null), (listed[0].Id, listed[0].Name, listed[0].RevokedAt));
        Assert.Equal(older.Scopes, listed[0].Scopes);
        Assert.Equal((newer.Id, (DateTimeOffset?)T0.AddMinutes(5), "cli"), (listed[1].Id, listed[1].RevokedAt, listed[1].RevokedBy));
    }

    [Fact]
    public async Task AuditListAsync_Entries_NewestFirstPerItemOrAllWithLimit()
    {
        var a = Some.ItemId();
        var first = new AuditEntry(T0, "张三", "item.republish", a, null, "bureau", "原因", null);
        var second = new AuditEntry(T0.AddMinutes(2), "李四", "item.withdraw", a, "d1", "bureau", null, "detail");
        var other = new AuditEntry(T0.AddMinutes(1), "system", "channel.check", null, null, "wechat", null, null);
        await Store.Audit.AppendAsync(first, Ct);
        await Store.Audit.AppendAsync(second, Ct);
        await Store.Audit.AppendAsync(other, Ct);

        Assert.Equal([second, first], await Store.Audit.ListAsync(a, 10, Ct));
        Assert.Equal([second, other], await Store.Audit.ListAsync(null, 2, Ct));
    }

    [Fact]
    public async Task MigrateAsync_RunAgain_HarmlessAndDataKept()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));

        await Store.Lifecycle.MigrateAsync(Ct);
        await Store.Lifecycle.MigrateAsync(Ct);

        Assert.True(await Store.Lifecycle.IsReadyAsync(Ct));
        Assert.Equal(item.Title, (await Items.GetAsync(item.Id, Ct))!.Title);
    }

    [Fact]
    public async Task IsReadyAsync_BeforeMigrate_FalseThenTrueAfter()
    {
        var fresh = await NewStoreAsync();

        var before = await fresh.Lifecycle.IsReadyAsync(Ct);
        await fresh.Lifecycle.MigrateAsync(Ct);

        Assert.False(before);
        Assert.True(await fresh.Lifecycle.IsReadyAsync(Ct));
    }

    [Fact]
    public async Task AcceptAsync_ConcurrentWithClaimsAndCommands_EveryWriteLands()
    {
        var peer = await PeerAsync();
        var items = Enumerable.Range(0, 40).Select(i => Some.Item(channels: ["bureau", "portal"], acceptedAt: T0)).ToList();

        await Task.WhenAll(items.Select((item, i) => Task.Run(async () =>
        {
            var store = i % 2 == 0 ? Store : peer;
            Assert.Equal(AcceptKind.Accepted, (await store.Items.AcceptAsync(item, Actor, Ct)).Kind);
            await store.Deliveries.ClaimAsync("portal", $"w{i}", 2, T0, LeaseFor, Ct);
            await store.Deliveries.RepublishAsync(new ItemCommand(item.Id, ["bureau"], null, Actor, T0.AddSeconds(1)), Ct);
        })));

        foreach (var item in items)
        {
            var deliveries = await DeliveriesOfAsync(item.Id);
            Assert.Equal(3, deliveries.Count);
            Assert.Single(deliveries, d => d.Channel == "bureau" && d.Status == DeliveryStatus.Pending);
        }

        Assert.Equal(40, (await Deliveries.CountAsync("portal", Ct)).Pending);
    }
}
