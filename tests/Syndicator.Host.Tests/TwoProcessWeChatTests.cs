using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Sandbox;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// Two <c>serve</c> processes on one SQLite store and one sandbox publish to one WeChat account: they share one
/// access token through the store, so neither ever replaces the other's (no 40001), and a token refusal costs one
/// refresh.
/// </summary>
public sealed class TwoProcessWeChatTests : IAsyncLifetime
{
    private const int Items = 50;
    private readonly string _data = Path.Combine(Path.GetTempPath(), "syndicator-two-" + Guid.NewGuid().ToString("N"));
    private readonly List<SyndicatorProcess> _processes = [];
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        await _sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task TwoServes_FiftyItems_EachLiveOnceWithoutA40001AndAnInjected40001CostsOneRefresh()
    {
        using var wechat = _sandbox.CreateClient();
        await wechat.PostAsJsonAsync("_sandbox/wechat/settings", new { publishDelaySeconds = 0.2 });
        var (_, key, _) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "test", "--scope", "submit", "read", "--data", _data], TimeSpan.FromMinutes(1));
        var servers = new[] { await StartServeAsync(), await StartServeAsync() };
        var clients = servers.Select(s => Client(s, key.Trim())).ToList();

        var ids = Enumerable.Range(0, Items).Select(_ => ItemJson.NewId()).ToList();
        await Task.WhenAll(ids.Select((id, i) => clients[i % 2].PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["wechat"]))));
        await WaitDeliveredAsync(clients[0], ids);
        var stats = await _sandbox.Control.GetStatsAsync("wechat");
        var tokenCallsBefore = await StableTokenCallsAsync(wechat);

        await _sandbox.Control.AddFaultAsync("wechat", SandboxFault.WechatError(40001) with { Path = "/cgi-bin/draft/add" });
        var refused = ItemJson.NewId();
        (await clients[1].PostAsJsonAsync("api/items", ItemJson.Make(refused, channels: ["wechat"]))).EnsureSuccessStatusCode();
        await WaitDeliveredAsync(clients[0], [refused]);
        var tokenCallsAfter = await StableTokenCallsAsync(wechat);

        var live = (await _sandbox.Control.GetArticlesAsync("wechat")).Where(a => !a.Deleted).ToList();
        Assert.Equal(ids.Append(refused).Select(id => $"关于{id}的通知").Order(), live.Select(a => a.Title!).Order());
        Assert.False(stats.Errors.ContainsKey("40001"), $"errors: {string.Join(", ", stats.Errors)}");
        Assert.False(stats.Errors.ContainsKey("40014") || stats.Errors.ContainsKey("42001"), $"errors: {string.Join(", ", stats.Errors)}");

        // The count includes this test's own stable_token call each time it asks.
        Assert.Equal(tokenCallsBefore + 2, tokenCallsAfter);
    }

    private async Task<Uri> StartServeAsync()
    {
        var server = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var process = SyndicatorProcess.Start(
            ["serve", "--urls", server.ToString(), "--data", _data, "--sandbox", _sandbox.BaseAddress.ToString()],
            new Dictionary<string, string> { ["Syndicator__Logging__LogLevel__Default"] = "Warning" });
        _processes.Add(process);
        await process.WaitUntilAnswersAsync(new Uri(server, "health/ready"), TimeSpan.FromSeconds(30));
        return server;
    }

    private static HttpClient Client(Uri server, string key)
    {
        var client = new HttpClient { BaseAddress = server };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private async Task WaitDeliveredAsync(HttpClient client, IReadOnlyList<string> ids)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        var waiting = ids.ToHashSet();
        while (waiting.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            foreach (var id in waiting.ToList())
            {
                var item = await client.GetFromJsonAsync<JsonElement>($"api/items/{id}");
                if (item.GetProperty("status").GetString() == "delivered")
                {
                    waiting.Remove(id);
                }
            }

            Assert.All(_processes, p => Assert.False(p.HasExited, "serve exited:\n" + p.Output));
            await Task.Delay(200);
        }

        Assert.True(waiting.Count == 0, $"{waiting.Count} items never delivered. Output:\n{string.Join("\n---\n", _processes.Select(p => p.Output))}");
    }

    /// <summary>How often <c>stable_token</c> was called today, as the account's quota API reports it.</summary>
    private static async Task<long> StableTokenCallsAsync(HttpClient wechat)
    {
        using var token = await wechat.PostAsJsonAsync("wechat/cgi-bin/stable_token", new
        {
            grant_type = "client_credential",
            appid = SandboxCredentials.WeChatAppId,
            secret = SandboxCredentials.WeChatAppSecret,
        });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        using var quota = await wechat.PostAsJsonAsync($"wechat/cgi-bin/openapi/quota/get?access_token={accessToken}", new { cgi_path = "/cgi-bin/stable_token" });
        return (await quota.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("quota").GetProperty("used").GetInt64();
    }
}
