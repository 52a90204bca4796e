using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.Cli;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>账户与密钥 (<c>/access</c>): admin only; each change takes effect at once and is audited under the admin.</summary>
public sealed class AccessPageTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private readonly ConsoleHarness _service = fixture.Service;

    private IUserStore Users => _service.App.Services.GetRequiredService<IUserStore>();

    private async Task<(ConsoleClient Client, string Name)> SignedInAsync(string role)
    {
        var (name, password) = await _service.AddUserAsync(role);
        var client = new ConsoleClient(_service.BaseAddress);
        using var response = await client.SignInAsync(name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, name);
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync() =>
        await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 200, CancellationToken.None);

    [Theory]
    [InlineData(ConsoleRoles.Operator)]
    [InlineData(ConsoleRoles.It)]
    [InlineData(ConsoleRoles.Auditor)]
    public async Task Access_NotAdmin_PageAndActionsForbidden(string role)
    {
        var (client, _) = await SignedInAsync(role);
        using var _c = client;
        var (victim, _) = await _service.AddUserAsync(ConsoleRoles.Operator);

        using var page = await client.GetAsync("access");
        using var disable = await client.PostAsync(
            "access?handler=Disable", [new("name", victim), new("confirmed", "true")], role == ConsoleRoles.It ? "channels" : "");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.False((await Users.FindAsync(victim, CancellationToken.None))!.IsDisabled);
    }

    [Fact]
    public async Task Access_Admin_ListsAccountsAndKeysWithoutHashes()
    {
        var (client, _) = await SignedInAsync(ConsoleRoles.Admin);
        using var _c = client;
        var (other, _) = await _service.AddUserAsync(ConsoleRoles.Auditor);
        var key = await NewKeyAsync("监控系统");

        using var page = await client.GetAsync("access");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"data-user=\"{other}\"", html, StringComparison.Ordinal);
        Assert.Contains("监控系统", html, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKeys.Hash(key), html, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_ConfirmedByAdmin_UserCookieRefusedSignInRefusedAndAudited()
    {
        var (admin, adminName) = await SignedInAsync(ConsoleRoles.Admin);
        using var _a = admin;
        var (user, userName) = await SignedInAsync(ConsoleRoles.Operator);
        using var _u = user;

        using var ask = await admin.PostAsync("access?handler=Disable", [new("name", userName)], "access");
        Assert.Contains("其所有登录立即失效", await ask.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await Users.FindAsync(userName, CancellationToken.None))!.IsDisabled);
        using var done = await admin.PostAsync("access?handler=Disable", [new("name", userName), new("confirmed", "true")], "access");

        Assert.Contains($"已停用账户 {userName}", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await user.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(await AuditAsync(), e => e.Action == "user.disabled" && e.Actor == "user:" + adminName && e.Detail!.Contains(userName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disable_OwnAccount_RefusedAndStillEnabled()
    {
        var (admin, adminName) = await SignedInAsync(ConsoleRoles.Admin);
        using var _a = admin;

        using var response = await admin.PostAsync("access?handler=Disable", [new("name", adminName), new("confirmed", "true")], "access");

        Assert.Contains("不能停用自己的账户", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await Users.FindAsync(adminName, CancellationToken.None))!.IsDisabled);
    }

    [Fact]
    public async Task SetRole_ByAdmin_NewRoleStoredUserCookieRefusedAndAudited()
    {
        var (admin, adminName) = await SignedInAsync(ConsoleRoles.Admin);
        using var _a = admin;
        var (user, userName) = await SignedInAsync(ConsoleRoles.Operator);
        using var _u = user;

        using var response = await admin.PostAsync("access?handler=Role", [new("name", userName), new("role", "auditor")], "access");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("auditor", (await Users.FindAsync(userName, CancellationToken.None))!.Role);
        using var page = await user.GetAsync("");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(await AuditAsync(), e => e.Action == "user.role_changed" && e.Actor == "user:" + adminName);
    }

    [Fact]
    public async Task ResetPassword_ByAdmin_NewPasswordWorksOldDoesNotNeverShownBack()
    {
        var (admin, adminName) = await SignedInAsync(ConsoleRoles.Admin);
        using var _a = admin;
        var (userName, oldPassword) = await _service.AddUserAsync(ConsoleRoles.Operator);
        var newPassword = "reset-" + Guid.NewGuid().ToString("N");

        using var response = await admin.PostAsync("access?handler=Password",
            [new("name", userName), new("password", newPassword), new("again", newPassword)], "access");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"账户 {userName} 的密码已重置", html, StringComparison.Ordinal);
        Assert.DoesNotContain(newPassword, html, StringComparison.Ordinal);
        using var fresh = new ConsoleClient(_service.BaseAddress);
        using (var old = await fresh.SignInAsync(userName, oldPassword))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        }

        using var good = await fresh.SignInAsync(userName, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var entry = Assert.Single(await AuditAsync(), e => e.Action == "user.password_reset" && e.Detail!.Contains(userName, StringComparison.Ordinal));
        Assert.Equal("user:" + adminName, entry.Actor);
        Assert.DoesNotContain(newPassword, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_TooShort_RefusedAndOldPasswordStillWorks()
    {
        var (admin, _) = await SignedInAsync(ConsoleRoles.Admin);
        using var _a = admin;
        var (userName, oldPassword) = await _service.AddUserAsync(ConsoleRoles.Operator);

        using var response = await admin.PostAsync("access?handler=Password", [new("name", userName), new("password", "short"), new("again", "short")], "access");

        Assert.Contains("密码须为 12 至 256 个字符", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var fresh = new ConsoleClient(_service.BaseAddress);
        using var good = await fresh.SignInAsync(userName, oldPassword);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
    }

    [Fact]
    public async Task Revoke_ConfirmedByAdmin_KeyRefusedByTheApiAtOnceAndAudited()
    {
        var (admin, adminName) = await SignedInAsync(ConsoleRoles.Admin);
        using var _a = admin;
        var keyName = "审批系统-" + Guid.NewGuid().ToString("N")[..6];
        var key = await NewKeyAsync(keyName);
        using var api = new HttpClient { BaseAddress = _service.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using (var before = await api.GetAsync("api/channels"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = (await _service.App.Services.GetRequiredService<IKeyStore>().ListKeysAsync(CancellationToken.None)).Single(k => k.Name == keyName).Id;
        using var response = await admin.PostAsync("access?handler=Revoke", [new("id", id), new("confirmed", "true")], "access");

        Assert.Contains($"API 密钥 {id} 已吊销", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var after = await api.GetAsync("api/channels");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains(await AuditAsync(), e => e.Action == "key.revoked" && e.Actor == "user:" + adminName && e.Detail!.Contains(id, StringComparison.Ordinal));
    }

    private Task<string> NewKeyAsync(string name) =>
        KeysCommand.CreateAsync(
            _service.App.Services.GetRequiredService<IKeyStore>(), _service.App.Services.GetRequiredService<IAuditLog>(),
            name, ["read"], TimeProvider.System, CancellationToken.None);
}
