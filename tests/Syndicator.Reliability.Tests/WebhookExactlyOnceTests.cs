using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// The <c>webhook</c> channel under the real <c>serve</c>, on the sandbox's receiver: a create applied whose answer
/// the connection drops is sent again under the same <c>webhook-id</c>, and the receiver, de-duplicating by it,
/// applies each item's event exactly once.
/// </summary>
public sealed class WebhookExactlyOnceTests
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
}
