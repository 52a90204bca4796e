using Microsoft.Extensions.Logging.Abstractions;
using Syndicator.Core.Storage;
using Syndicator.Testing.Fakes;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>The daily budget's count under concurrent tries of one channel (platform-truth W1: every call counted once).</summary>
public sealed class WeChatBudgetTests
{
    [Fact]
    public async Task SixtyFourTriesAtOnce_EachCountedOnce_NoneFailsForLostRaces()
    {
        var state = new InMemoryChannelStateStore();
        var channel = new WeChatChannel(
            "wechat-" + Guid.NewGuid().ToString("N"), new WeChatChannelOptions(), new NoClients(), new Interleaving(state),
            TimeProvider.System, NullLogger.Instance);
        var quota = WeChatQuota.For("freepublish/get")!;

        var takes = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => new WeChatBudget(channel).TakeAsync(quota, CancellationToken.None))));

        Assert.All(takes, Assert.Null);
        Assert.Equal((64, 100), await new WeChatBudget(channel).UsageAsync(quota, CancellationToken.None));
    }

    /// <summary>
    /// A store whose writes take a moment, as a durable one's do (a commit waits for the disk), so that concurrent counts
    /// read the same version and all but one lose each round.
    /// </summary>
    private sealed class Interleaving(IChannelStateStore inner) : IChannelStateStore
    {
        public Task<ChannelState?> GetAsync(string channel, string key, CancellationToken cancellationToken) =>
            inner.GetAsync(channel, key, cancellationToken);

        public async Task<bool> TryPutAsync(
            string channel, string key, string value, DateTimeOffset? expiresAt, long expectedVersion, DateTimeOffset now,
            CancellationToken cancellationToken)
        {
            await Task.Delay(2, cancellationToken);
            return await inner.TryPutAsync(channel, key, value, expiresAt, expectedVersion, now, cancellationToken);
        }
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No call is made here.");
    }
}
