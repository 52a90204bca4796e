using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;
using Syndicator.Host.Hosting;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>
/// Sign-in, roles, anti-forgery and lock-out over real HTTP, without a browser: what a direct call gets, not only
/// what the pages show.
/// </summary>
public sealed class ConsoleSecurityTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private readonly ConsoleHarness _service = fixture.Service;
    private readonly string _item = fixture.Item;

    private async Task<ConsoleClient> SignedInAsync(string role)
    {
        var (name, password) = await _service.AddUserAsync(role);
        var client = new ConsoleClient(_service.BaseAddress);
        using var response = await client.SignInAsync(name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task SignIn_GoodPassword_ItemListShowsTheItem()
    {
        using var client = await SignedInAsync(ConsoleRoles.Operator);

        using var list = await client.GetAsync("");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains($"关于{_item}的通知", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotSignedIn_RedirectsToSignIn()
    {
        using var client = new ConsoleClient(_service.BaseAddress);

        using var list = await client.GetAsync($"items/{_item}");

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/signin", list.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConsoleRoles.Operator, "channels")]
    [InlineData(ConsoleRoles.Operator, "audit")]
    [InlineData(ConsoleRoles.It, "")]
    [InlineData(ConsoleRoles.It, "failures")]
    [InlineData(ConsoleRoles.It, "audit")]
    [InlineData(ConsoleRoles.Auditor, "channels")]
    [InlineData(ConsoleRoles.Operator, "access")]
    [InlineData(ConsoleRoles.It, "access")]
    [InlineData(ConsoleRoles.Auditor, "access")]
    public async Task Get_PageOfAnotherRole_Forbidden(string role, string path)
    {
        using var client = await SignedInAsync(role);

        using var page = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("无权访问", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ConsoleRoles.It, "Withdraw")]
    [InlineData(ConsoleRoles.Auditor, "Withdraw")]
    [InlineData(ConsoleRoles.Auditor, "Republish")]
    [InlineData(ConsoleRoles.Auditor, "Retry")]
    [InlineData(ConsoleRoles.Auditor, "Confirm")]
    public async Task PostItemAction_WithoutOperatorRole_ForbiddenAndNothingChanges(string role, string handler)
    {
        using var client = await SignedInAsync(role);
        var delivery = (await _service.ItemAsync(_item)).GetProperty("deliveries")[0].GetProperty("id").GetString()!;

        // A valid token (tokens belong to the user, not the page), straight at the handler: only the role stops it.
        using var response = await client.PostAsync($"items/{_item}?handler={handler}",
            [new("reason", "test"), new("confirmed", "true"), new("deliveryId", delivery), new("url", "https://example.test/a")],
            role == ConsoleRoles.It ? "channels" : $"items/{_item}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var item = await _service.ItemAsync(_item);
        Assert.Equal("delivered", ConsoleHarness.Status(item));
        Assert.Equal(1, item.GetProperty("deliveries").GetArrayLength());
    }

    [Fact]
    public async Task PostBulkRetry_Auditor_Forbidden()
    {
        using var client = await SignedInAsync(ConsoleRoles.Auditor);

        using var response = await client.PostAsync("failures?handler=Retry", [new("reason", "test"), new("confirmed", "true")], "failures");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostCheckNow_Operator_Forbidden()
    {
        using var client = await SignedInAsync(ConsoleRoles.Operator);

        using var response = await client.PostAsync("channels?handler=Check", [new("channel", "bureau")], "");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PostCheckNow_It_ShowsTheResultAndAuditsTheUser()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.It);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();

        using var response = await client.PostAsync("channels?handler=Check", [new("channel", "bureau")], "channels");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bureau：正常", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 20, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "channel.check" && e.Actor == "user:" + name);
    }

    [Fact]
    public async Task PostGoLive_Operator_ForbiddenAndNothingPublished()
    {
        using var client = await SignedInAsync(ConsoleRoles.Operator);

        using var response = await client.PostAsync(
            "channels?handler=Verify", [new("channel", "approval"), new("column", "102"), new("live", "true")], "");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 50, CancellationToken.None);
        Assert.DoesNotContain(audit, e => e.Action == "channel.verify" && e.Actor.StartsWith("user:operator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostGoLive_It_ShowsEveryStepPassedAndAuditsTheUser()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.It);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();

        using var response = await client.PostAsync(
            "channels?handler=Verify", [new("channel", "approval"), new("column", "102"), new("live", "true")], "channels");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-golive=\"approval\" data-passed=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("data-step=\"withdraw\"", html, StringComparison.Ordinal);
        Assert.Contains("通过：该渠道可以上线", html, StringComparison.Ordinal);
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 50, CancellationToken.None);
        Assert.Contains(audit, e => e.Action == "channel.verify" && e.Actor == "user:" + name && e.Channel == "approval");
    }

    [Fact]
    public async Task PostGoLive_WithoutColumn_RefusedNamingTheColumn()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.It);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();

        using var response = await client.PostAsync("channels?handler=Verify", [new("channel", "approval"), new("live", "true")], "channels");

        Assert.Contains("to publish the test article in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelStatus_AfterCheckNow_HistoryShowsTheStoredCheck()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.It);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();
        (await client.PostAsync("channels?handler=Check", [new("channel", "approval")], "channels")).Dispose();

        using var page = await client.GetAsync("channels");
        var html = await page.Content.ReadAsStringAsync();

        // The approval channel's history section lists the check just made by hand, as the store holds it.
        var section = html[html.IndexOf("data-history=\"approval\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("手动", section, StringComparison.Ordinal);
        Assert.Contains("正常", section, StringComparison.Ordinal);
        Assert.DoesNotContain("尚无检查记录", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostWithdraw_WithoutAntiforgeryToken_RefusedAndNothingChanges()
    {
        using var client = await SignedInAsync(ConsoleRoles.Operator);

        using var response = await client.PostAsync($"items/{_item}?handler=Withdraw", [new("reason", "test"), new("confirmed", "true")], tokenFrom: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("delivered", ConsoleHarness.Status(await _service.ItemAsync(_item)));
    }

    [Fact]
    public async Task PostRepublish_Confirmed_AuditEntryNamesTheUserAndReason()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();
        var id = await _service.SubmitAsync();
        await _service.WaitForItemAsync(id, i => ConsoleHarness.Status(i) == "delivered");

        using var response = await client.PostAsync($"items/{id}?handler=Republish",
            [new("channels", "bureau"), new("reason", "标题有误，重新推送"), new("confirmed", "true")], $"items/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var trail = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(id, 20, CancellationToken.None);
        Assert.Contains(trail, e => e.Actor == "user:" + name && e.Reason == "标题有误，重新推送");
    }

    [Fact]
    public async Task PostWithdraw_NotConfirmed_AsksFirstWithTheWarningAndChangesNothing()
    {
        var id = await _service.SubmitAsync(["bureau", "wechat"]);
        await _service.WaitForItemAsync(id, i => ConsoleHarness.Status(i) == "delivered");
        using var client = await SignedInAsync(ConsoleRoles.Operator);

        using var response = await client.PostAsync($"items/{id}?handler=Withdraw", [new("reason", "发布错误")], $"items/{id}");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("微信公众号的删除不可撤销", html, StringComparison.Ordinal);
        Assert.Contains("name=\"confirmed\" value=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal("delivered", ConsoleHarness.Status(await _service.ItemAsync(id)));
    }

    [Fact]
    public async Task PostWithdraw_NoReason_RefusedWithTheMessage()
    {
        using var client = await SignedInAsync(ConsoleRoles.Operator);

        using var response = await client.PostAsync($"items/{_item}?handler=Withdraw", [new("reason", " "), new("confirmed", "true")], $"items/{_item}");

        Assert.Contains("请填写原因", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("delivered", ConsoleHarness.Status(await _service.ItemAsync(_item)));
    }

    [Fact]
    public async Task SignIn_TenBadPasswords_LockedOutFromThatAddressEvenWithTheRightPasswordAndNotTold()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(_service.BaseAddress);
        for (var i = 0; i < 10; i++)
        {
            using var bad = await client.SignInAsync(name, "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }

        using var good = await client.SignInAsync(name, password);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var html = await good.Content.ReadAsStringAsync();
        Assert.Contains("登录失败：用户名或密码不正确，或该账户暂时无法登录", html, StringComparison.Ordinal);
        Assert.DoesNotContain("锁定", html, StringComparison.Ordinal);
        var failures = await _service.App.Services.GetRequiredService<IUserStore>().FindFailuresAsync(name, "127.0.0.1", CancellationToken.None);
        Assert.True(failures!.IsLockedAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task SignIn_NineBadPasswordsThenTheRightOne_SignedIn()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(_service.BaseAddress);
        for (var i = 0; i < 9; i++)
        {
            (await client.SignInAsync(name, "wrong-password-" + i)).Dispose();
        }

        using var good = await client.SignInAsync(name, password);

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
    }

    [Fact]
    public async Task Api_WithConsoleCookieOnly_Unauthorized()
    {
        using var client = await SignedInAsync(ConsoleRoles.Admin);

        using var response = await client.GetAsync($"api/items/{_item}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Create_BadConsoleSetting_FailsNamingTheKey()
    {
        await using var app = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = Path.Combine(Path.GetTempPath(), "syndicator-console-" + Guid.NewGuid().ToString("N")),
            Sandbox = _service.Sandbox.BaseAddress,
            Overrides = new Dictionary<string, string?> { ["Console:LockoutAttempts"] = "0", ["Logging:LogLevel:Default"] = "None" },
        });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(ex.Failures, f => f.Contains("Console:LockoutAttempts", StringComparison.Ordinal));
    }
}
