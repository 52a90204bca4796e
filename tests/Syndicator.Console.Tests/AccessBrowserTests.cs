using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Syndicator.Core.Storage;
using Syndicator.Host.Cli;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>
/// 账户与密钥 in a real browser: an admin disables an operator (who is signed out at once in their own browser) and
/// revokes an API key, each after a confirmation. Screenshot <c>access.png</c> goes to <c>$CONSOLE_SCREENSHOTS</c>.
/// </summary>
public sealed class AccessBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private ConsoleHarness _service = null!;

    public async Task InitializeAsync() => _service = await ConsoleHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private string Url(string path) => new Uri(_service.BaseAddress, path).ToString();

    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string name, string password)
    {
        var context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url("signin"));
        await page.Locator("input[name=name]").FillAsync(name);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/(channels)?$"));
        return (context, page);
    }

    [Fact]
    public async Task AccessPage_AdminDisablesAnOperatorAndRevokesAKey_AfterConfirmingEach()
    {
        var (operatorName, operatorPassword) = await _service.AddUserAsync(ConsoleRoles.Operator);
        var (adminName, adminPassword) = await _service.AddUserAsync(ConsoleRoles.Admin);
        await KeysCommand.CreateAsync(
            _service.App.Services.GetRequiredService<IKeyStore>(), _service.App.Services.GetRequiredService<IAuditLog>(),
            "监控系统", ["read"], TimeProvider.System, CancellationToken.None);
        var (operatorContext, operatorPage) = await SignInAsync(operatorName, operatorPassword);
        var (adminContext, admin) = await SignInAsync(adminName, adminPassword);
        await using var _o = operatorContext;
        await using var _a = adminContext;

        await admin.Locator("header a[href='/access']").ClickAsync();
        var row = admin.Locator($"tr[data-user='{operatorName}']");
        await row.Locator("button", new() { HasTextString = "停用" }).ClickAsync();
        await admin.Locator("#confirm button[type=submit]").ClickAsync();

        await Assertions.Expect(admin.Locator("p.notice.ok")).ToContainTextAsync($"已停用账户 {operatorName}");
        await Assertions.Expect(admin.Locator($"tr[data-user='{operatorName}']")).ToContainTextAsync("已停用");
        await operatorPage.ReloadAsync();
        await Assertions.Expect(operatorPage).ToHaveURLAsync(new Regex("/signin"));

        var key = admin.Locator("tr[data-key]", new() { HasTextString = "监控系统" });
        await key.Locator("button", new() { HasTextString = "吊销" }).ClickAsync();
        await admin.Locator("#confirm button[type=submit]").ClickAsync();

        await Assertions.Expect(admin.Locator("tr[data-key]", new() { HasTextString = "监控系统" })).ToContainTextAsync("已吊销");
        await Assertions.Expect(admin.Locator("tr[data-key]", new() { HasTextString = "监控系统" }).Locator("button")).ToHaveCountAsync(0);
        if (Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await admin.ScreenshotAsync(new() { Path = Path.Combine(folder, "access.png"), FullPage = true });
        }
    }
}
