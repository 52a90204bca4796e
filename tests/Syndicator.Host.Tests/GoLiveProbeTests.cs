using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// The go-live probe (<c>POST /api/channels/{c}/verify</c>, behind <c>channels verify C --live --column ID</c> and the
/// 渠道状态 button) against every emulator channel: each step passes, nothing stays live on the platform, and a
/// misconfigured channel fails naming the step and the platform's answer.
/// </summary>
public sealed class GoLiveProbeTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    public static TheoryData<string, string> TestColumns => new()
    {
        { "bureau", SandboxCredentials.BureauChannelId.ToString(CultureInfo.InvariantCulture) },
        { "portal", SandboxCredentials.PortalPolicyColumnId.ToString(CultureInfo.InvariantCulture) },
        { "approval", SandboxCredentials.ApprovalNoticeChannelId.ToString(CultureInfo.InvariantCulture) },
        { "wechat", "-" },
    };

    [Theory]
    [MemberData(nameof(TestColumns))]
    public async Task Verify_EmulatedChannel_EveryStepPassesAndNothingStaysLive(string channel, string column)
    {
        var report = await VerifyAsync(channel, column);

        Assert.True(report.GetProperty("passed").GetBoolean(), report.ToString());
        var steps = report.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("publish", steps[0].GetProperty("name").GetString());
        Assert.Contains(steps, s => s.GetProperty("name").GetString() == "withdraw" && s.GetProperty("result").GetString() == "passed");
        Assert.All(steps, s => Assert.NotEqual("failed", s.GetProperty("result").GetString()));
        Assert.NotEmpty(steps[0].GetProperty("calls").EnumerateArray());

        var itemId = report.GetProperty("itemId").GetString()!;
        var articles = await _service.Sandbox.Control.GetArticlesAsync(channel);
        var probe = articles.Where(a => a.Title?.Contains("上线检查", StringComparison.Ordinal) == true || a.SourceId == itemId).ToList();
        Assert.NotEmpty(probe);
        Assert.All(probe, a => Assert.True(a.Deleted, $"still live: {a.Title} {a.Url}"));
        Assert.DoesNotContain(SandboxCredentials.BureauApiKey, report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxCredentials.PortalPassword, report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxCredentials.ApprovalPassword, report.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(SandboxCredentials.WeChatAppSecret, report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ApiKeyThePlatformRefuses_FailsNamingThePublishStepAndTheAnswer()
    {
        await using var misconfigured = await ServiceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Channels:bureau:ApiKey"] = "00000000-0000-0000-0000-000000000000",
        });

        using var answer = await misconfigured.Client.PostAsJsonAsync("api/channels/bureau/verify", new { column = "2", live = true });
        var report = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;

        Assert.False(report.GetProperty("passed").GetBoolean());
        var publish = Assert.Single(report.GetProperty("steps").EnumerateArray());
        Assert.Equal("publish", publish.GetProperty("name").GetString());
        Assert.Equal("failed", publish.GetProperty("result").GetString());
        Assert.Contains("401", publish.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(publish.GetProperty("calls").EnumerateArray(), c => c.GetProperty("status").GetInt32() == 401);
        Assert.DoesNotContain(await misconfigured.Sandbox.Control.GetArticlesAsync("bureau"), a => !a.Deleted);
    }

    [Fact]
    public async Task Verify_PortalThatOnlyAdds_UpdateHandedOffAndTheArticleLeftLiveNamedAndFailed()
    {
        await using var addsOnly = await ServiceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Channels:portal:SupportsUpdate"] = "false",
            ["Channels:portal:SupportsWithdraw"] = "false",
            ["Channels:portal:SupportsQuery"] = "false",
            ["Channels:portal:Envelope:OperationElement"] = "",
        });
        using var client = addsOnly.Sandbox.CreateClient();
        (await client.PostAsJsonAsync("_sandbox/portal/settings", new { })).EnsureSuccessStatusCode();

        using var answer = await addsOnly.Client.PostAsJsonAsync(
            "api/channels/portal/verify", new { column = SandboxCredentials.PortalPolicyColumnId.ToString(CultureInfo.InvariantCulture), live = true });
        var report = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;

        Assert.False(report.GetProperty("passed").GetBoolean(), report.ToString());
        var steps = report.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("result").GetString());
        Assert.Equal("passed", steps["publish"]);
        Assert.Equal("handoff", steps["update"]);
        Assert.Equal("failed", steps["withdraw"]);
        var live = Assert.Single(await addsOnly.Sandbox.Control.GetArticlesAsync("portal"), a => !a.Deleted);
        Assert.Contains(live.RemoteId, report.GetProperty("stillLive").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithoutColumnOrLive_RefusedNamingTheFieldAndNothingSent()
    {
        using var noColumn = await _service.Client.PostAsJsonAsync("api/channels/bureau/verify", new { live = true });
        using var notLive = await _service.Client.PostAsJsonAsync("api/channels/bureau/verify", new { column = "2" });

        Assert.Equal(HttpStatusCode.BadRequest, noColumn.StatusCode);
        Assert.Contains("column", await noColumn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notLive.StatusCode);
        Assert.Contains("live", await notLive.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (await _service.Sandbox.Control.GetStatsAsync("bureau")).Creates);
    }

    private async Task<JsonElement> VerifyAsync(string channel, string column)
    {
        using var answer = await _service.Client.PostAsJsonAsync($"api/channels/{channel}/verify", new { column, live = true });
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
