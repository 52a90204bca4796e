using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Syndicator.Host.WebConsole;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Console.Tests;

/// <summary>
/// The console in a real browser against the real server and sandbox: sign in, see an injected fault as a failed
/// delivery with a readable reason, retry it and watch it succeed, withdraw with confirmation, and be refused a page of
/// another role. Screenshots go to <c>$CONSOLE_SCREENSHOTS</c> when set (docs/console holds the committed ones).
/// </summary>
public sealed class ConsoleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private ConsoleHarness _service = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _service = await ConsoleHarness.StartAsync();
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _service.DisposeAsync();
    }

    private string Url(string path) => new Uri(_service.BaseAddress, path).ToString();

    private async Task<IPage> SignInAsync(string role)
    {
        var (name, password) = await _service.AddUserAsync(role);
        var page = await _context.NewPageAsync();
        await page.GotoAsync(Url("signin"));
        await page.Locator("input[name=name]").FillAsync(name);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/(channels)?$"));
        return page;
    }

    [Fact]
    public async Task FailedDelivery_RetriedFromTheConsole_SucceedsThenWithdrawnWithConfirmation()
    {
        // A 400 from the bureau's SSCMS is permanent: the delivery fails at once and waits for an operator.
        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(400, count: 1));
        var id = await _service.SubmitAsync(["bureau", "wechat"], "关于做好2026年汛期安全工作的通知");
        await _service.WaitForItemAsync(id, i => ConsoleHarness.Status(i) == "attention");
        var page = await SignInAsync(ConsoleRoles.Operator);

        await page.GotoAsync(Url($"items/{id}"));
        var bureau = page.Locator("tr[data-channel=bureau][data-status=failed]");
        await Assertions.Expect(bureau.Locator(".reason")).ToContainTextAsync("渠道拒绝了这条信息");
        await PageSteps.ShotAsync(page, "item-failed");

        await bureau.Locator("form.retry input[name=reason]").FillAsync("平台已修复，重试");
        await bureau.Locator("form.retry button").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToContainTextAsync("将重试发布记录");
        await page.Locator("#confirm button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync("已提交");
        await PageSteps.ReloadUntilAsync(page, "tr[data-channel=bureau][data-status=succeeded]", Deadline);
        Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"), a => !a.Deleted);

        await page.Locator("form.action-withdraw textarea[name=reason]").FillAsync("信息有误，撤回");
        await page.Locator("form.action-withdraw button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToContainTextAsync("微信公众号的删除不可撤销");
        await page.Locator("#confirm button[type=submit]").ClickAsync();
        await PageSteps.ReloadUntilAsync(page, "h1 .chip.s-withdrawn", Deadline);
        Assert.All(await _service.Sandbox.Control.GetArticlesAsync("bureau"), a => Assert.True(a.Deleted));
        Assert.All(await _service.Sandbox.Control.GetArticlesAsync("wechat"), a => Assert.True(a.Deleted));
    }

    [Fact]
    public async Task Operator_OpensChannelStatus_Refused()
    {
        var page = await SignInAsync(ConsoleRoles.Operator);

        var response = await page.GotoAsync(Url("channels"));

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("无权访问");
    }

    [Fact]
    public async Task Admin_MainPages_RenderAndAreCaptured()
    {
        // A 400 from the bureau's SSCMS is permanent; the next item goes out once the fault is spent.
        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(400, count: 1));
        var failed = await _service.SubmitAsync(["bureau"], "关于2026年第一季度水利工程建设进展情况的报告");
        await _service.WaitForItemAsync(failed, i => ConsoleHarness.Status(i) == "attention");
        var done = await _service.SubmitAsync(["portal", "bureau", "approval", "wechat"], "关于做好2026年汛期安全工作的通知");
        await _service.WaitForItemAsync(done, i => ConsoleHarness.Status(i) == "delivered");
        var page = await SignInAsync(ConsoleRoles.Admin);

        await Assertions.Expect(page.Locator($"tr[data-item={done}]")).ToContainTextAsync("已发布");
        await PageSteps.ShotAsync(page, "items");
        await page.GotoAsync(Url($"items/{done}"));
        await Assertions.Expect(page.Locator(".accountability")).ToContainTextAsync("王五");
        await Assertions.Expect(page.FrameLocator(".preview.phone iframe").Locator("h1")).ToContainTextAsync("汛期安全");
        await Assertions.Expect(page.Locator(".preview.page iframe").First.ContentFrame.Locator("body")).ToContainTextAsync("正文");
        await PageSteps.ShotAsync(page, "item");
        await page.GotoAsync(Url("failures"));
        await Assertions.Expect(page.Locator("table.failures")).ToContainTextAsync(failed);
        await PageSteps.ShotAsync(page, "failures");
        await page.GotoAsync(Url("channels"));
        await page.Locator("tr[data-channel=bureau] button.secondary").ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-channel=bureau] .chip.h-healthy")).ToBeVisibleAsync();
        await PageSteps.ShotAsync(page, "channels");

        // 上线检查: the go-live probe from the page, into the approval centre's notice column.
        var approval = page.Locator("tr[data-channel=approval]");
        await approval.Locator("details.golive-form summary").ClickAsync();
        await approval.Locator("input[name=column]").FillAsync("102");
        await approval.Locator("input[name=live]").CheckAsync();
        await approval.Locator("details.golive-form button").ClickAsync();
        await Assertions.Expect(page.Locator("section.golive[data-golive=approval]")).ToHaveAttributeAsync("data-passed", "true");
        await Assertions.Expect(page.Locator("section.golive tr[data-step=withdraw] .chip")).ToHaveTextAsync("passed");
        await PageSteps.ShotAsync(page, "golive");
        await page.GotoAsync(Url("audit"));
        await Assertions.Expect(page.Locator("table.audit")).ToContainTextAsync("channel.check");
        await PageSteps.ShotAsync(page, "audit");
    }
}
