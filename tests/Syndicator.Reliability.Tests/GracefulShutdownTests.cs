using System.Diagnostics;
using Syndicator.Testing.Sandbox;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// SIGTERM mid-run: claiming stops, running steps get the grace period, the rest are released (not left to a lease
/// expiry), the process exits within the grace period, and after a restart everything completes exactly once at once.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Sigterm_MidRun_ExitsWithinGraceLeavesNothingClaimedAndRestartCompletesAtOnce()
    {
        await using var run = await ServiceRun.StartAsync(new Dictionary<string, string>
        {
            ["Syndicator__Dispatcher__ShutdownGrace"] = "00:00:02",

            // A lease far longer than the test: had shutdown left claims behind, the restart could not take them.
            ["Syndicator__Dispatcher__LeaseDuration"] = "00:01:00",
        });

        // The WCM login hangs past the grace period (those tries are cut off and released); every other call is slow
        // enough to be on the wire when the signal comes, quick enough to finish within the grace.
        await run.Sandbox.AddFaultAsync("approval", SandboxFault.Delay(TimeSpan.FromSeconds(45)) with { Path = "/wcm/app/login_dowith.jsp" });
        foreach (var channel in ServiceRun.AllChannels)
        {
            await run.Sandbox.AddFaultAsync(channel, SandboxFault.Delay(TimeSpan.FromMilliseconds(300), count: 10_000));
        }

        await run.AddNodeAsync();
        var ids = Enumerable.Range(0, 10).Select(_ => ServiceRun.Id()).ToList();
        await run.SubmitAsync(ids);
        await run.WaitUntilAsync(async () =>
            (await run.Sandbox.GetStatsAsync("approval")).FaultsInjected >= 1 && (await run.Sandbox.GetStatsAsync("bureau")).Requests >= 2,
            TimeSpan.FromSeconds(30), "tries on the wire");
        Assert.True(await run.CountAsync("SELECT count(*) FROM deliveries WHERE status = 'in_progress'") > 0);

        var (took, exitCode) = await run.TerminateNodeAsync(0, TimeSpan.FromSeconds(30));
        output.WriteLine($"exited {took} after SIGTERM (grace {Grace})");

        Assert.Equal(0, exitCode);
        // The grace, the release, and the host's own stop (Kestrel, Quartz) — seconds on a busy machine, far under the
        // 45 s login it cut short and the host's 30 s shutdown limit.
        Assert.True(took < Grace + TimeSpan.FromSeconds(8), $"exit took {took}");
        Assert.Equal(0, await run.CountAsync("SELECT count(*) FROM deliveries WHERE status = 'in_progress' OR lease_owner IS NOT NULL"));
        Assert.True(await run.CountAsync("SELECT count(*) FROM deliveries WHERE channel = 'approval' AND status = 'pending'") > 0);

        foreach (var channel in ServiceRun.AllChannels)
        {
            await run.Sandbox.ClearFaultsAsync(channel);
        }

        var restart = Stopwatch.StartNew();
        await run.StartNodeAsync(0);
        await run.WaitSettledAsync(ids, Lease / 2);
        output.WriteLine($"everything complete {restart.Elapsed} after the restart (lease {Lease})");

        foreach (var id in ids)
        {
            Assert.All(await run.DeliveriesAsync(id), d => Assert.Equal("succeeded", d.Value));
        }

        await run.AssertLiveExactlyOnceAsync(ids);
    }
}
