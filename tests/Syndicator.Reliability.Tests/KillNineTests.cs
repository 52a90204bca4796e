using Syndicator.Testing.Sandbox;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// <c>kill -9</c> of <c>serve</c> ten times at random moments while it delivers 200 items to every channel, restarted
/// each time: at the end every delivery succeeded — none lost, none <c>unconfirmed</c> — and every item is live exactly
/// once on every channel. The moments come from a seeded <see cref="Random"/>; the
/// seed is printed, and <c>SYNDICATOR_KILL_SEED</c> replays a failed run.
/// </summary>
public sealed class KillNineTests(ITestOutputHelper output)
{
    private const int Items = 200;
    private const int Kills = 10;

    [Fact]
    public async Task Serve_KilledRepeatedlyMidRun_EveryItemLiveExactlyOnceOnEveryChannel()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SYNDICATOR_KILL_SEED"), out var given) ? given : Environment.TickCount;
        output.WriteLine($"seed {seed} (replay with SYNDICATOR_KILL_SEED={seed})");
        var random = new Random(seed);
        await using var run = await ServiceRun.StartAsync(new Dictionary<string, string>
        {
            // A short lease so each restart takes over the dead process's claims quickly; a delivery may be cut
            // short by every kill, so quarantine must not set it aside here.
            ["Syndicator__Dispatcher__LeaseDuration"] = "00:00:01.500",
            ["Syndicator__Dispatcher__QuarantineAfter"] = "100",
        });

        // Slow answers on every channel's calls, so that a kill finds requests on the wire (sent, not yet answered).
        foreach (var channel in ServiceRun.AllChannels)
        {
            await run.Sandbox.AddFaultAsync(channel, SandboxFault.Delay(TimeSpan.FromMilliseconds(50), count: 100_000));
        }

        await run.AddNodeAsync();
        var ids = Enumerable.Range(0, Items).Select(_ => ServiceRun.Id()).ToList();
        await run.SubmitAsync(ids);
        for (var kill = 1; kill <= Kills; kill++)
        {
            var after = TimeSpan.FromMilliseconds(random.Next(300, 2000));
            output.WriteLine($"kill {kill} after {after.TotalMilliseconds} ms");
            await Task.Delay(after);
            await run.KillNodeAsync(0);
            await run.StartNodeAsync(0);
        }

        await run.WaitSettledAsync(ids, TimeSpan.FromMinutes(5));

        foreach (var id in ids)
        {
            Assert.All(await run.DeliveriesAsync(id), d => Assert.Equal("succeeded", d.Value));
        }

        await run.AssertLiveExactlyOnceAsync(ids);
    }
}
