using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

/// <summary>索引号: given in the accepting transaction, sequential per code and year, unique, never reused.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly IndexNumberScheme Scheme = new("002564328");

    /// <summary>Noon of 2 March 2026 in China, well inside the year whichever way time zones fall.</summary>
    private static readonly DateTimeOffset March2026 = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task AcceptAsync_NewItemsWithScheme_SequentialNumbersShownOnTheItemAndItsRevision()
    {
        var first = Some.Item(acceptedAt: March2026);
        var second = Some.Item(acceptedAt: March2026.AddMinutes(1));

        var a = await Items.AcceptAsync(first, Actor, Scheme, Ct);
        var b = await Items.AcceptAsync(second, Actor, Scheme, Ct);

        Assert.Equal("002564328/2026-00001", a.IndexNumber);
        Assert.Equal("002564328/2026-00002", b.IndexNumber);
        Assert.Equal("002564328/2026-00002", (await Items.GetAsync(second.Id, Ct))!.IndexNumber);
        Assert.Equal("002564328/2026-00002", (await Items.GetRevisionAsync(second.Id, 1, Ct))!.IndexNumber);
    }

    [Fact]
    public async Task AcceptAsync_NewYear_SerialStartsAgain()
    {
        await Items.AcceptAsync(Some.Item(acceptedAt: March2026), Actor, Scheme, Ct);

        // 31 Dec 2026 17:00 UTC is already 1 Jan 2027 in China.
        var outcome = await Items.AcceptAsync(Some.Item(acceptedAt: new DateTimeOffset(2026, 12, 31, 17, 0, 0, TimeSpan.Zero)), Actor, Scheme, Ct);

        Assert.Equal("002564328/2027-00001", outcome.IndexNumber);
    }

    [Fact]
    public async Task AcceptAsync_NewRevision_KeepsTheNumber()
    {
        var item = Some.Item(acceptedAt: March2026);
        await Items.AcceptAsync(item, Actor, Scheme, Ct);
        await Items.AcceptAsync(Some.Item(acceptedAt: March2026), Actor, Scheme, Ct);

        var outcome = await Items.AcceptAsync(Some.Item(item.Id, 2, acceptedAt: March2026.AddDays(1)), Actor, Scheme, Ct);

        Assert.Equal(AcceptKind.Accepted, outcome.Kind);
        Assert.Equal("002564328/2026-00001", outcome.IndexNumber);
        Assert.Equal("002564328/2026-00001", (await Items.GetRevisionAsync(item.Id, 2, Ct))!.IndexNumber);
    }

    [Fact]
    public async Task AcceptAsync_AfterAWithdrawal_TheNumberIsNotGivenAgain()
    {
        var withdrawn = Some.Item(acceptedAt: March2026);
        await Items.AcceptAsync(withdrawn, Actor, Scheme, Ct);
        await Deliveries.WithdrawAsync(new ItemCommand(withdrawn.Id, null, "撤回", Actor, March2026.AddMinutes(1)), Ct);

        var next = await Items.AcceptAsync(Some.Item(acceptedAt: March2026.AddMinutes(2)), Actor, Scheme, Ct);

        Assert.Equal("002564328/2026-00002", next.IndexNumber);
    }

    [Fact]
    public async Task AcceptAsync_ItemBringsAFreeNumber_KeepsItAndSerialsPassOverIt()
    {
        var brought = Some.Item(acceptedAt: March2026) with { IndexNumber = "002564328/2026-00001" };

        var kept = await Items.AcceptAsync(brought, Actor, Scheme, Ct);
        var given = await Items.AcceptAsync(Some.Item(acceptedAt: March2026), Actor, Scheme, Ct);

        Assert.Equal("002564328/2026-00001", kept.IndexNumber);
        Assert.Equal("002564328/2026-00002", given.IndexNumber);
    }

    [Fact]
    public async Task AcceptAsync_ItemBringsATakenNumber_RefusedAndNothingStored()
    {
        var holder = Some.Item(acceptedAt: March2026);
        var number = (await Items.AcceptAsync(holder, Actor, Scheme, Ct)).IndexNumber;
        var other = Some.Item(acceptedAt: March2026) with { IndexNumber = number };

        var outcome = await Items.AcceptAsync(other, Actor, Scheme, Ct);

        Assert.Equal(AcceptKind.IndexNumberTaken, outcome.Kind);
        Assert.Null(await Items.GetAsync(other.Id, Ct));
    }

    [Fact]
    public async Task AcceptAsync_RevisionBringsAnotherNumber_RefusedNamingTheOneThatStands()
    {
        var item = Some.Item(acceptedAt: March2026);
        await Items.AcceptAsync(item, Actor, Scheme, Ct);

        var outcome = await Items.AcceptAsync(Some.Item(item.Id, 2) with { IndexNumber = "002564328/2026-00999" }, Actor, Scheme, Ct);

        Assert.Equal(AcceptKind.IndexNumberChanged, outcome.Kind);
        Assert.Equal("002564328/2026-00001", outcome.IndexNumber);
        Assert.Null(await Items.GetRevisionAsync(item.Id, 2, Ct));
    }

    [Fact]
    public async Task AcceptAsync_NoScheme_NoNumber()
    {
        var outcome = await Items.AcceptAsync(Some.Item(), Actor, Ct);

        Assert.Null(outcome.IndexNumber);
    }

    [Fact]
    public async Task AcceptAsync_TwoNodesAtOnce_EveryNumberGivenOnce()
    {
        var peer = await PeerAsync();
        var items = Enumerable.Range(0, 20).Select(_ => Some.Item(acceptedAt: March2026)).ToList();

        var outcomes = await Task.WhenAll(items.Select((item, i) =>
            (i % 2 == 0 ? Items : peer.Items).AcceptAsync(item, Actor, Scheme, Ct)));

        Assert.Equal(
            Enumerable.Range(1, 20).Select(n => $"002564328/2026-{n:00000}"),
            outcomes.Select(o => o.IndexNumber!).Order(StringComparer.Ordinal));
    }
}
