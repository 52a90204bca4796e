using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Sandbox;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// The <c>webhook</c> channel under the real <c>serve</c>, on the sandbox's receiver: a create applied whose answer
/// the connection drops is sent again under the same <c>webhook-id</c>, and the receiver, de-duplicating by it,
/// applies each item's event exactly once.
/// </summary>
public sealed class WebhookExactlyOnceTests(ITestOutputHelper output)
{
    private const string Channel = "webhook";

    /// <summary>The sandbox profile defines the channel disabled; this run enables it.</summary>
    private static readonly Dictionary<string, string> Enabled = new() { ["Syndicator__Channels__webhook__Enabled"] = "true" };

    [Fact]
    public async Task Publish_CommittedThenConnectionDropped_ResentUnderTheSameId_AppliedOnce()
    {
        await using var run = await ServiceRun.StartAsync(Enabled);
        await run.Sandbox.AddFaultAsync(Channel, SandboxFault.CommitThenDropConnection(count: 2) with { Path = "/events" });
        await run.AddNodeAsync();
        string[] ids = [ServiceRun.Id(), ServiceRun.Id(), ServiceRun.Id()];

        await run.SubmitAsync(ids, [Channel]);
        await run.WaitSettledAsync(ids, TimeSpan.FromSeconds(60), [Channel]);

        var stats = await run.Sandbox.GetStatsAsync(Channel);
        Assert.Equal(2, stats.FaultsInjected);
        Assert.Equal(ids.Length, stats.Creates);
        foreach (var id in ids)
        {
            var item = await run.Api.GetFromJsonAsync<JsonElement>($"api/items/{id}");
            var delivery = Assert.Single(item.GetProperty("deliveries").EnumerateArray());
            Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
        }

        // Two answers were lost, so two events were sent again (by the channel's inner retry or a later try, under the
        // same webhook-id); the receiver applied every event once.
        var articles = await run.Sandbox.GetArticlesAsync(Channel);
        Assert.All(articles, a => Assert.Equal(1, a.Metadata["deliveries"]!.GetValue<int>()));
        await run.AssertLiveExactlyOnceAsync(ids, [Channel]);
    }

    /// <summary>
    /// <c>kill -9</c> of <c>serve</c> at seeded random moments while slow answers keep events on the wire: a killed try's
    /// event is sent again by the next node under the same <c>webhook-id</c>, and the receiver applies each once.
    /// </summary>
    [Fact]
    public async Task Serve_KilledRepeatedlyMidRun_EveryEventAppliedOnceAtTheReceiver()
    {
        const int Items = 100;
        const int Kills = 4;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SYNDICATOR_KILL_SEED"), out var given) ? given : Environment.TickCount;
        output.WriteLine($"seed {seed} (replay with SYNDICATOR_KILL_SEED={seed})");
        var random = new Random(seed);
        await using var run = await ServiceRun.StartAsync(new Dictionary<string, string>(Enabled)
        {
            ["Syndicator__Dispatcher__LeaseDuration"] = "00:00:01.500",
            ["Syndicator__Dispatcher__QuarantineAfter"] = "100",
        });
        await run.Sandbox.AddFaultAsync(Channel, SandboxFault.Delay(TimeSpan.FromMilliseconds(200), count: 100_000) with { Path = "/events" });
        await run.AddNodeAsync();
        var ids = Enumerable.Range(0, Items).Select(_ => ServiceRun.Id()).ToList();

        await run.SubmitAsync(ids, [Channel]);
        for (var kill = 1; kill <= Kills; kill++)
        {
            // The moment of each kill, not a wait for anything to settle.
            var after = TimeSpan.FromMilliseconds(random.Next(300, 1500));
            output.WriteLine($"kill {kill} after {after.TotalMilliseconds} ms");
            await Task.Delay(after);
            await run.KillNodeAsync(0);
            await run.StartNodeAsync(0);
        }

        await run.WaitSettledAsync(ids, TimeSpan.FromMinutes(3), [Channel]);

        foreach (var id in ids)
        {
            Assert.All(await run.DeliveriesAsync(id), d => Assert.Equal("succeeded", d.Value));
        }

        var articles = await run.Sandbox.GetArticlesAsync(Channel);
        Assert.All(articles, a => Assert.Equal(1, a.Metadata["deliveries"]!.GetValue<int>()));
        await run.AssertLiveExactlyOnceAsync(ids, [Channel]);

        // The kills did leave events on the wire that were sent again: the receiver answered some from its record.
        using var http = new HttpClient { BaseAddress = run.SandboxAddress };
        var received = await http.GetFromJsonAsync<JsonElement>("_sandbox/webhook/received");
        var duplicates = received.GetProperty("duplicates").GetInt32();
        output.WriteLine($"{duplicates} events sent again and de-duplicated");
        Assert.True(duplicates > 0, "no event was sent twice: the kills found nothing on the wire");
    }
}
