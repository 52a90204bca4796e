using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// <c>commitThenReset</c> on every connector's creating call — the platform applies the create, then the connection
/// drops before any answer. Every connector reconciles with the platform (by our reference, id or content) before
/// sending again, so each item ends live exactly once; none is re-sent blindly and none is left for operators.
/// </summary>
public sealed class CommitThenResetTests
{
    /// <summary>Each connector's creating calls, as paths below its channel prefix.</summary>
    public static TheoryData<string, string[]> CreatingCalls => new()
    {
        { "portal", ["/jcms/interface/receive.jsp"] },
        { "bureau", ["/api/v1/contents/1/2"] },

        // Every WCM call goes to center.do; for a new item the first one after the login is the document's save.
        { "approval", ["/wcm/center.do"] },
        { "wechat", ["/cgi-bin/draft/add", "/cgi-bin/freepublish/submit"] },
    };

    [Theory]
    [MemberData(nameof(CreatingCalls))]
    public async Task Publish_CreateCommittedThenConnectionDropped_ReconciledLiveExactlyOnce(string channel, string[] paths)
    {
        await using var run = await ServiceRun.StartAsync();
        foreach (var path in paths)
        {
            await run.Sandbox.AddFaultAsync(channel, SandboxFault.CommitThenDropConnection() with { Path = path });
        }

        await run.AddNodeAsync();
        string[] ids = [ServiceRun.Id(), ServiceRun.Id()];

        await run.SubmitAsync(ids, [channel]);
        await run.WaitSettledAsync(ids, TimeSpan.FromSeconds(60), [channel]);

        var stats = await run.Sandbox.GetStatsAsync(channel);
        Assert.Equal(paths.Length, stats.FaultsInjected);
        Assert.Equal(ids.Length, stats.Creates);
        var attempts = 0;
        foreach (var id in ids)
        {
            var item = await run.Api.GetFromJsonAsync<JsonElement>($"api/items/{id}");
            var delivery = Assert.Single(item.GetProperty("deliveries").EnumerateArray());
            Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
            attempts += delivery.GetProperty("attempts").GetInt32();
        }

        // The dropped answers cost tries (an unknown outcome, then the reconciling one), not articles.
        Assert.True(attempts > ids.Length, $"{attempts} attempts");
        await run.AssertLiveExactlyOnceAsync(ids, [channel]);
    }
}
