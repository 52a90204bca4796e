using System.Diagnostics;
using Syndicator.Testing.Sandbox;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// A channel that takes 5 s for every answer beside fast ones: the fast channels' deliveries complete without
/// waiting for it (each channel has its own lane), and the slow one completes too, once.
/// </summary>
public sealed class SlowChannelTests(ITestOutputHelper output)
{
    private const string Slow = "bureau";
    private static readonly TimeSpan Latency = TimeSpan.FromSeconds(5);

    /// <summary>Items queued on the slow channel.</summary>
    private const int Items = 5;

    /// <summary>
    /// The bureau site's calls per publish at most (the create, and reading the article back for its address), each
    /// answered after <see cref="Latency"/>: the slow channel's wait is sized from them, with room for a loaded machine.
    /// </summary>
    private const int CallsPerItem = 2;

    [Fact]
    public async Task OneChannelAnswersAfter5Seconds_FastChannelsCompleteFarSooner()
    {
        // One slot for the slow channel: the items queue behind one another there, not on the other channels.
        await using var run = await ServiceRun.StartAsync(new Dictionary<string, string> { [$"Syndicator__Channels__{Slow}__MaxConcurrency"] = "1" });
        await run.Sandbox.AddFaultAsync(Slow, SandboxFault.Delay(Latency, count: 1_000));
        await run.AddNodeAsync();
        var ids = Enumerable.Range(0, Items).Select(_ => ServiceRun.Id()).ToList();
        var fast = ServiceRun.AllChannels.Where(c => c != Slow).ToArray();

        var clock = Stopwatch.StartNew();
        await run.SubmitAsync(ids);
        await run.WaitSettledAsync(ids, TimeSpan.FromSeconds(60), fast);
        var fastDone = clock.Elapsed;
        var slowLiveWhenFastDone = (await run.Sandbox.GetArticlesAsync(Slow)).Count;
        await run.WaitSettledAsync(ids, ids.Count * CallsPerItem * Latency + TimeSpan.FromSeconds(40), [Slow]);
        var slowDone = clock.Elapsed;
        output.WriteLine($"fast channels done after {fastDone}, the slow one after {slowDone}");

        // The items one after another at 5 s per answer take at least Items × 5 s; the fast channels are done at least
        // two of those answers earlier (in seconds on an idle machine), not held behind them.
        Assert.True(slowDone >= ids.Count * Latency, $"the slow channel finished after {slowDone}");
        Assert.True(fastDone < slowDone - 2 * Latency, $"fast channels {fastDone}, slow channel {slowDone}");
        Assert.True(slowLiveWhenFastDone < ids.Count, "the slow channel was already done when the fast ones were");
        await run.AssertLiveExactlyOnceAsync(ids);
    }
}
