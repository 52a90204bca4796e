using System.Diagnostics;
using System.Globalization;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// One channel answers 503 for 60 s: the other channels finish while the fault is still on, and the faulty
/// channel's deliveries wait and retry (neither failing nor doubling) and complete once it clears.
/// </summary>
public sealed class ChannelOutageTests
{
    private const string Faulty = "bureau";
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task OneChannel503For60Seconds_OthersFinishDuringTheOutageAndItCompletesAfterOnce()
    {
        // A schedule of 2 s steps long enough to outlast the outage, and a short circuit break, keep the run near 70 s.
        var environment = new Dictionary<string, string> { [$"Syndicator__Channels__{Faulty}__CircuitBreak"] = "00:00:03" };
        for (var i = 0; i < 60; i++)
        {
            environment[string.Create(CultureInfo.InvariantCulture, $"Syndicator__Retry__Schedule__{i}")] = "00:00:02";
        }

        await using var run = await ServiceRun.StartAsync(environment);
        await run.AddNodeAsync();
        var ids = Enumerable.Range(0, 8).Select(_ => ServiceRun.Id()).ToList();
        var others = ServiceRun.AllChannels.Where(c => c != Faulty).ToArray();

        var faultFrom = DateTimeOffset.UtcNow;
        await run.Sandbox.AddFaultAsync(Faulty, SandboxFault.FailFor(503, Outage));
        var outage = Stopwatch.StartNew();
        await run.SubmitAsync(ids);

        await run.WaitSettledAsync(ids, Outage, others);
        var othersDone = outage.Elapsed;
        Assert.True(othersDone < Outage, $"the other channels took {othersDone}");
        Assert.DoesNotContain(await run.Sandbox.GetArticlesAsync(Faulty), a => !a.Deleted);
        foreach (var id in ids)
        {
            var deliveries = await run.DeliveriesAsync(id);
            Assert.All(others, c => Assert.Equal("succeeded", deliveries[c]));

            // Waiting for the channel, not given up on.
            Assert.Contains(deliveries[Faulty], new[] { "pending", "in_progress" });
        }

        await run.WaitSettledAsync(ids, Outage + TimeSpan.FromSeconds(40), [Faulty]);

        Assert.All(await run.Sandbox.GetArticlesAsync(Faulty), a => Assert.True(a.CreatedAt >= faultFrom + Outage, $"created at {a.CreatedAt:O}, during the outage"));
        foreach (var id in ids)
        {
            Assert.Equal("succeeded", (await run.DeliveriesAsync(id))[Faulty]);
        }

        Assert.True((await run.Sandbox.GetStatsAsync(Faulty)).FaultsInjected > 0);
        await run.AssertLiveExactlyOnceAsync(ids);
    }
}
