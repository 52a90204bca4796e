using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Approval;

public sealed class ApprovalSessionTests
{
    [Fact]
    public async Task Login_RightCredentials_SessionCookieAndCallsAnswer()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);

        var (session, body) = await client.LoginAsync();
        var channel = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.NotNull(session);
        Assert.Contains("<result>true</result>", body, StringComparison.Ordinal);
        Assert.Equal("审批公告", channel.Text("CHNLNAME"));
        Assert.Equal(1, (await sandbox.GetSessionsAsync()).Logins);
    }

    [Fact]
    public async Task Login_WrongPassword_FaultAndNoSession()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);

        var (session, body) = await client.LoginAsync(password: "wrong");

        Assert.Null(session);
        Assert.Contains("ERR_LOGIN_FAILED", body, StringComparison.Ordinal);
        Assert.Equal(1, (await sandbox.GetSessionsAsync()).RefusedLogins);
    }

    [Fact]
    public async Task Call_WithoutSession_NotLoginHeaderAndFault()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);

        var answer = await client.SaveAsync("no-such-session", 0, "标题");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.NotLoggedIn);
        Assert.True(answer.TrsException);
        Assert.Equal("ERR_USER_NOTLOGIN", answer.FaultCode);
        Assert.Empty(await sandbox.Control.GetArticlesAsync("approval"));
        Assert.Equal(1, (await sandbox.Control.GetStatsAsync("approval")).Errors["ERR_USER_NOTLOGIN"]);
    }

    [Fact]
    public async Task Session_IdleLongerThanItsLifetime_Expires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxServer.StartAsync(time);
        using var client = ApprovalCalls.CreateClient(sandbox);
        await sandbox.SetApprovalSettingsAsync(new JsonObject { ["sessionLifetimeSeconds"] = 60 });
        var (session, _) = await client.LoginAsync();

        time.Advance(TimeSpan.FromSeconds(59));
        var kept = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));
        time.Advance(TimeSpan.FromSeconds(59));
        var stillKept = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));
        time.Advance(TimeSpan.FromSeconds(60));
        var expired = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.False(kept.IsFault);
        Assert.False(stillKept.IsFault);
        Assert.True(expired.NotLoggedIn);
    }

    [Fact]
    public async Task ExpireSessions_Now_EveryCallerMustLogInAgain()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);
        var (session, _) = await client.LoginAsync();

        await sandbox.ExpireSessionsAsync();
        var answer = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.True(answer.NotLoggedIn);
        Assert.Equal(0, (await sandbox.GetSessionsAsync()).Active);
    }

    [Fact]
    public async Task Settings_UnknownFieldOrBadValue_400NamingItAndNothingApplied()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);

        using var response = await client.PostAsJsonAsync("_sandbox/approval/settings", new JsonObject { ["faultStatus"] = 404, ["refuseLogins"] = true, ["colour"] = "red" });
        var settings = await client.GetFromJsonAsync<JsonObject>("_sandbox/approval/settings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Contains("faultStatus", errors.Select(e => e.Key));
        Assert.Contains("colour", errors.Select(e => e.Key));
        Assert.False(settings!["refuseLogins"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Reset_AfterSettingsAndLogins_DefaultsAndNoSessions()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);
        var (session, _) = await client.LoginAsync();
        await sandbox.SetApprovalSettingsAsync(new JsonObject { ["refuseLogins"] = true });

        await sandbox.Control.ResetAsync();
        var (fresh, _) = await client.LoginAsync();
        var old = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.NotNull(fresh);
        Assert.True(old.NotLoggedIn);
        Assert.Equal(1, (await sandbox.GetSessionsAsync()).Logins);
    }
}
