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

        var (session, _, _, status) = await client.LoginAsync();
        var channel = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.NotNull(session);
        Assert.Equal("审批公告", channel.Text("CHNLNAME"));
        Assert.Equal(1, (await sandbox.GetSessionsAsync()).Logins);
    }

    [Fact]
    public async Task Login_WrongPassword_FaultAndNoSession()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);

        var (session, body, cookie, status) = await client.LoginAsync(password: "wrong");
        var call = await client.CallAsync(cookie, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.Null(session);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(cookie);
        Assert.Contains("alert( \"对不起，您输入的", body, StringComparison.Ordinal);
        Assert.True(call.NotLoggedIn);
        Assert.Equal(1, (await sandbox.GetSessionsAsync()).RefusedLogins);
    }

    [Fact]
    public async Task T1_Login_OwnSessionSentAlong_InvalidatedAndANewOneGiven()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);
        var (first, _, _, _) = await client.LoginAsync();

        var (second, _, _, status) = await client.LoginAsync(ownSession: first);
        var old = await client.CallAsync(first, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.NotEqual(first, second);
        Assert.True(old.NotLoggedIn);
    }

    [Fact]
    public async Task T2_SecondLoginWhileTheUserIsLoggedInElsewhere_RefusedWithWcmsConfirmUnlessForceKick()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = ApprovalCalls.CreateClient(sandbox);
        var (first, _, _, _) = await client.LoginAsync();

        var (refused, page, _, status) = await client.LoginAsync();
        var stillIn = await client.CallAsync(first, "wcm6_channel", "findById", ("ObjectId", "101"));
        var (kicker, _, _, _) = await client.LoginAsync(forceKick: true);
        var kicked = await client.CallAsync(first, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.Null(refused);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("用户[" + SandboxCredentials.ApprovalUserName + "]已在[", page, StringComparison.Ordinal);
        Assert.Contains("var bLogined = true;", page, StringComparison.Ordinal);
        Assert.False(stillIn.NotLoggedIn);
        Assert.NotNull(kicker);
        Assert.True(kicked.NotLoggedIn);
        var sessions = await sandbox.GetSessionsAsync();
        Assert.Equal((1, 1), (sessions.LoginedRefusals, sessions.Kicked));
        Assert.Equal(1, (await sandbox.Control.GetStatsAsync("approval")).Errors["ERR_USER_LOGINED"]);
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
        Assert.Equal("1001", answer.FaultCode);
        Assert.Empty(await sandbox.Control.GetArticlesAsync("approval"));
        Assert.Equal(1, (await sandbox.Control.GetStatsAsync("approval")).Errors["1001"]);
    }

    [Fact]
    public async Task Session_IdleLongerThanItsLifetime_Expires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxServer.StartAsync(time);
        using var client = ApprovalCalls.CreateClient(sandbox);
        await sandbox.SetApprovalSettingsAsync(new JsonObject { ["sessionLifetimeSeconds"] = 60 });
        var (session, _, _, _) = await client.LoginAsync();

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
        var (session, _, _, _) = await client.LoginAsync();

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
        var (session, _, _, _) = await client.LoginAsync();
        await sandbox.SetApprovalSettingsAsync(new JsonObject { ["refuseLogins"] = true });

        await sandbox.Control.ResetAsync();
        var (fresh, _, _, _) = await client.LoginAsync();
        var old = await client.CallAsync(session, "wcm6_channel", "findById", ("ObjectId", "101"));

        Assert.NotNull(fresh);
        Assert.True(old.NotLoggedIn);
        Assert.Equal(1, (await sandbox.GetSessionsAsync()).Logins);
    }
}
