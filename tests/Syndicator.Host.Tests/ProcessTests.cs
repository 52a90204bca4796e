using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Sandbox;
using Syndicator.Testing;

namespace Syndicator.Host.Tests;

/// <summary>The executable itself: keys, configuration errors, a crash mid-run, the demo.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task KeysCreate_PrintsTheKeyAloneOnStandardOutput()
    {
        var data = TempFolder();

        var (code, stdout, _) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "approval-system", "--scope", "submit", "read", "--data", data], TimeSpan.FromMinutes(1));

        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sk_", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingChannelCredentials_Exits2NamingTheKey()
    {
        var (code, _, stderr) = await SyndicatorProcess.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--data", TempFolder()], TimeSpan.FromMinutes(1));

        Assert.Equal(2, code);
        Assert.Contains("Channels:bureau:ApiKey", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownVerbOption_Exits2()
    {
        var (code, _, stderr) = await SyndicatorProcess.RunAsync(["status"], TimeSpan.FromMinutes(1));

        Assert.Equal(2, code);
        Assert.NotEmpty(stderr);
    }

    [Fact]
    public async Task KillNine_WhileDeliveriesAreInFlight_EveryItemLiveExactlyOnceAfterRestart()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        var data = TempFolder();
        var (_, key, _) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "test", "--scope", "submit", "read", "--data", data], TimeSpan.FromMinutes(1));
        var port = LoopbackPort.Free();
        var server = new Uri($"http://127.0.0.1:{port}/");
        string[] serve = ["serve", "--urls", server.ToString(), "--data", data, "--sandbox", sandbox.BaseAddress.ToString()];
        var environment = new Dictionary<string, string>
        {
            // A short lease so the restarted process takes over the dead one's claims quickly.
            ["Syndicator__Dispatcher__LeaseDuration"] = "00:00:02",
            ["Syndicator__Retry__Jitter"] = "0",
            ["Syndicator__Retry__Schedule__0"] = "00:00:00.200",
            ["Syndicator__Retry__Schedule__1"] = "00:00:00.200",
        };
        // Every create answers slowly, so the kill finds creates on the wire (sent, not yet answered).
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Delay(TimeSpan.FromMilliseconds(600), count: 8) with { Path = "/api/v1/contents/1/2" });

        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Trim());
        var ids = Enumerable.Range(0, 12).Select(_ => ItemJson.NewId()).ToList();
        await using (var first = SyndicatorProcess.Start(serve, environment))
        {
            await first.WaitUntilAnswersAsync(new Uri(server, "health/ready"), TimeSpan.FromSeconds(30));
            foreach (var id in ids)
            {
                (await http.PostAsJsonAsync("api/items", ItemJson.Make(id))).EnsureSuccessStatusCode();
            }

            await WaitAsync(async () => (await sandbox.Control.GetStatsAsync("bureau")).Requests >= 3, first);
            first.KillHard();
        }

        await using var second = SyndicatorProcess.Start(serve, environment);
        await second.WaitUntilAnswersAsync(new Uri(server, "health/ready"), TimeSpan.FromSeconds(30));
        await WaitAsync(async () =>
        {
            foreach (var id in ids)
            {
                var item = await http.GetFromJsonAsync<JsonElement>($"api/items/{id}");
                if (item.GetProperty("status").GetString() != "delivered")
                {
                    return false;
                }
            }

            return true;
        }, second);

        var live = (await sandbox.Control.GetArticlesAsync("bureau")).Where(a => !a.Deleted).ToList();
        Assert.Equal(ids.Count, live.Count);
        Assert.Equal(ids.Select(id => $"关于{id}的通知").Order(), live.Select(a => a.Title!).Order());
    }

    [Fact]
    public async Task Demo_Once_ExitsZeroWithEverySampleOnEveryChannelItIsRoutedToOnce()
    {
        var (code, stdout, stderr) = await SyndicatorProcess.RunAsync(["demo", "--once"], TimeSpan.FromMinutes(3));

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("bureau: the platform holds 7 articles for 7 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("portal: the platform holds 7 articles for 7 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("approval: the platform holds 2 articles for 2 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("wechat: the platform holds 3 articles for 3 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("Where to look:", stdout, StringComparison.Ordinal);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, SyndicatorProcess process)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            Assert.False(process.HasExited, "syndicator exited:\n" + process.Output);
            await Task.Delay(50);
        }

        Assert.Fail("The condition never held. Output:\n" + process.Output);
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "syndicator-proc-" + Guid.NewGuid().ToString("N"));
}
