using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    private const string Wechat = "wechat";
    private const string TokenKey = "access_token";

    private IChannelStateStore State => Store.ChannelState;

    [Fact]
    public async Task ChannelStateGetAsync_NothingWritten_Null()
    {
        Assert.Null(await State.GetAsync(Wechat, TokenKey, Ct));
    }

    [Fact]
    public async Task ChannelStateTryPutAsync_FirstWriteExpectingZero_WrittenAsVersionOne()
    {
        var written = await State.TryPutAsync(Wechat, TokenKey, "token-a", T0.AddHours(2), 0, T0, Ct);

        Assert.True(written);
        Assert.Equal(new ChannelState("token-a", 1, T0.AddHours(2), T0), await State.GetAsync(Wechat, TokenKey, Ct));
    }

    [Fact]
    public async Task ChannelStateTryPutAsync_NoExpiry_ReadBackWithoutExpiry()
    {
        Assert.True(await State.TryPutAsync(Wechat, TokenKey, "token-a", null, 0, T0, Ct));

        Assert.Equal(new ChannelState("token-a", 1, null, T0), await State.GetAsync(Wechat, TokenKey, Ct));
    }

    [Fact]
    public async Task ChannelStateTryPutAsync_SecondWriteExpectingZero_FalseAndFirstKept()
    {
        Assert.True(await State.TryPutAsync(Wechat, TokenKey, "token-a", T0.AddHours(2), 0, T0, Ct));

        var written = await State.TryPutAsync(Wechat, TokenKey, "token-b", T0.AddHours(3), 0, T0.AddMinutes(1), Ct);

        Assert.False(written);
        Assert.Equal(new ChannelState("token-a", 1, T0.AddHours(2), T0), await State.GetAsync(Wechat, TokenKey, Ct));
    }

    [Fact]
    public async Task ChannelStateTryPutAsync_CurrentVersion_WrittenAsNextVersion()
    {
        Assert.True(await State.TryPutAsync(Wechat, TokenKey, "token-a", T0.AddHours(2), 0, T0, Ct));

        var written = await State.TryPutAsync(Wechat, TokenKey, "token-b", null, 1, T0.AddHours(1), Ct);

        Assert.True(written);
        Assert.Equal(new ChannelState("token-b", 2, null, T0.AddHours(1)), await State.GetAsync(Wechat, TokenKey, Ct));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task ChannelStateTryPutAsync_OtherThanCurrentVersion_FalseAndUnchanged(long expected)
    {
        Assert.True(await State.TryPutAsync(Wechat, TokenKey, "token-a", T0.AddHours(2), 0, T0, Ct));
        Assert.True(await State.TryPutAsync(Wechat, TokenKey, "token-b", T0.AddHours(3), 1, T0.AddHours(1), Ct));

        var written = await State.TryPutAsync(Wechat, TokenKey, "token-c", T0.AddHours(4), expected, T0.AddHours(2), Ct);

        Assert.False(written);
        Assert.Equal(new ChannelState("token-b", 2, T0.AddHours(3), T0.AddHours(1)), await State.GetAsync(Wechat, TokenKey, Ct));
    }

    [Fact]
    public async Task ChannelStateTryPutAsync_NonZeroVersionWhenNothingStored_FalseAndNothingCreated()
    {
        var written = await State.TryPutAsync(Wechat, TokenKey, "token-a", null, 1, T0, Ct);

        Assert.False(written);
        Assert.Null(await State.GetAsync(Wechat, TokenKey, Ct));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ChannelStateTryPutAsync_RaceFromTwoInstancesOnSameVersion_ExactlyOneWins(long expected)
    {
        for (var version = 0; version < expected; version++)
        {
            Assert.True(await State.TryPutAsync(Wechat, TokenKey, $"seed-{version}", null, version, T0, Ct));
        }

        var peer = await PeerAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            var store = i % 2 == 0 ? Store : peer;
            var value = $"token-{i}";
            return (value, won: await store.ChannelState.TryPutAsync(Wechat, TokenKey, value, T0.AddHours(2), expected, T0.AddMinutes(1), Ct));
        })));

        var winner = Assert.Single(results, r => r.won);
        var stored = await peer.ChannelState.GetAsync(Wechat, TokenKey, Ct);
        Assert.Equal(new ChannelState(winner.value, expected + 1, T0.AddHours(2), T0.AddMinutes(1)), stored);
    }

    [Fact]
    public async Task ChannelStateTryPutAsync_OtherChannelsAndKeys_Independent()
    {
        Assert.True(await State.TryPutAsync(Wechat, TokenKey, "wechat-token", null, 0, T0, Ct));
        Assert.True(await State.TryPutAsync(Wechat, "ticket", "wechat-ticket", null, 0, T0, Ct));
        Assert.True(await State.TryPutAsync("weibo", TokenKey, "weibo-token", null, 0, T0, Ct));

        Assert.True(await State.TryPutAsync(Wechat, TokenKey, "wechat-token-2", null, 1, T0.AddHours(1), Ct));

        Assert.Equal(new ChannelState("wechat-token-2", 2, null, T0.AddHours(1)), await State.GetAsync(Wechat, TokenKey, Ct));
        Assert.Equal(new ChannelState("wechat-ticket", 1, null, T0), await State.GetAsync(Wechat, "ticket", Ct));
        Assert.Equal(new ChannelState("weibo-token", 1, null, T0), await State.GetAsync("weibo", TokenKey, Ct));
        Assert.Null(await State.GetAsync("weibo", "ticket", Ct));
    }
}
