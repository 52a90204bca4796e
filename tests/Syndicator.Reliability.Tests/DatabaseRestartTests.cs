using Syndicator.Testing.Postgres;
using Syndicator.Testing.Sandbox;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// PostgreSQL restarted under load while two nodes deliver to every channel: the nodes notice (not ready), reconnect
/// when it is back, serve <c>/health/ready</c> again, and every item ends live exactly once on every channel.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class DatabaseRestartTests(PostgresCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task Postgres_RestartedWhileTwoNodesDeliver_NodesReconnectAndEveryItemLiveOnce()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var run = await ServiceRun.StartAsync(
            new Dictionary<string, string> { ["Syndicator__Dispatcher__LeaseDuration"] = "00:00:03" }, database);
        foreach (var channel in ServiceRun.AllChannels)
        {
            await run.Sandbox.AddFaultAsync(channel, SandboxFault.Delay(TimeSpan.FromMilliseconds(100), count: 10_000));
        }

        await run.AddNodeAsync();
        await run.AddNodeAsync();
        var ids = Enumerable.Range(0, 40).Select(_ => ServiceRun.Id()).ToList();
        await run.SubmitAsync(ids[..20], node: 0);
        await run.SubmitAsync(ids[20..], node: 1);
        await run.WaitUntilAsync(async () => await run.CountAsync("SELECT count(*) FROM deliveries WHERE status = 'succeeded'") >= 10,
            TimeSpan.FromSeconds(60), "deliveries under way");

        await cluster.StopAsync();
        await run.WaitAllNotReadyAsync(TimeSpan.FromSeconds(30));
        await cluster.StartAsync();
        output.WriteLine("the database was stopped (both nodes reported not ready) and started again");

        await run.WaitSettledAsync(ids, TimeSpan.FromSeconds(90));
        foreach (var node in new[] { 0, 1 })
        {
            using var client = run.Client(node);
            using var ready = await client.GetAsync("health/ready");
            Assert.True(ready.IsSuccessStatusCode, $"node {node} not ready after the restart: {(int)ready.StatusCode}");
        }

        foreach (var id in ids)
        {
            Assert.All(await run.DeliveriesAsync(id), d => Assert.Equal("succeeded", d.Value));
        }

        await run.AssertLiveExactlyOnceAsync(ids);
    }
}
