using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>
/// A notice board's delivery on the item page, in a real browser: the notice PDF to print is linked (and only for a
/// signed-in user), and the 已张贴 form with a day and a photo completes the hand-off, after which the page shows the
/// posting day and links the photo. Screenshot <c>board.png</c> goes to <c>$CONSOLE_SCREENSHOTS</c> when set.
/// </summary>
public sealed class BoardConsoleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private ConsoleHarness _service = null!;
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        _service = await ConsoleHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Channels:approval:Connector"] = "noticeboard",
            ["Channels:approval:DisplayName"] = "信息公开栏",
        });
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _service.DisposeAsync();
    }

    [Fact]
    public async Task BoardHandoff_PdfLinkedAndPostedFormWithPhoto_CompletesAndShowsThePostingDayAndPhoto()
    {
        var id = await _service.SubmitAsync(["approval"], "关于汛期河道堤防安全检查的公告");
        await _service.WaitForItemAsync(id, i => ConsoleHarness.Status(i) == "in_progress"
            && i.GetProperty("deliveries")[0].GetProperty("status").GetString() == "handoff", Deadline);
        var page = await SignInAsync(ConsoleRoles.Operator);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var photo = Syndicator.Testing.Some.Image("board.png").Content;

        await page.GotoAsync(new Uri(_service.BaseAddress, $"items/{id}").ToString());
        var pdfHref = await page.Locator("a.notice-pdf").GetAttributeAsync("href");
        var pdf = await page.APIRequest.GetAsync(new Uri(_service.BaseAddress, pdfHref).ToString());
        var pdfBytes = await pdf.BodyAsync();
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _service.BaseAddress };
        using var refused = await anonymous.GetAsync(pdfHref!.TrimStart('/'));
        await Assertions.Expect(page.Locator("form.board-confirm")).ToContainTextAsync("张贴日期");
        await page.Locator("form.board-confirm input[name=day]").FillAsync(today);
        await page.Locator("form.board-confirm input[name=photo]").SetInputFilesAsync(new FilePayload { Name = "board.png", MimeType = "image/png", Buffer = photo });
        await page.Locator("form.board-confirm button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=posted"));
        var photoHref = await page.Locator("a.board-photo").GetAttributeAsync("href");
        var fetched = await page.APIRequest.GetAsync(new Uri(_service.BaseAddress, photoHref).ToString());
        await PageSteps.ShotAsync(page, "board");

        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.Equal("%PDF-"u8.ToArray(), pdfBytes[..5]);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("已提交：已张贴");
        await Assertions.Expect(page.Locator(".board-confirmed")).ToContainTextAsync($"张贴日期：{today}");
        await Assertions.Expect(page.Locator("table.audit")).ToContainTextAsync("delivery.posted");
        Assert.Equal(photo, await fetched.BodyAsync());
        Assert.Equal("delivered", ConsoleHarness.Status(await _service.ItemAsync(id)));
    }

    [Fact]
    public async Task BoardWithdraw_TakenDownForm_CompletesTheWithdrawAndShowsTheDay()
    {
        var id = await _service.SubmitAsync(["approval"], "关于汛期河道堤防安全检查的公告");
        var waiting = await _service.WaitForItemAsync(id, i => i.GetProperty("deliveries")[0].GetProperty("status").GetString() == "handoff", Deadline);
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var posting = waiting.GetProperty("deliveries")[0].GetProperty("id").GetString();
        (await _service.Api.PostAsJsonAsync($"api/deliveries/{posting}/confirm", new { postedOn = today })).EnsureSuccessStatusCode();
        (await _service.Api.PostAsJsonAsync($"api/items/{id}/withdraw", new { channels = new[] { "approval" }, reason = "张贴期满" })).EnsureSuccessStatusCode();
        await _service.WaitForItemAsync(id, i => i.GetProperty("deliveries").EnumerateArray()
            .Any(d => d.GetProperty("operation").GetString() == "withdraw" && d.GetProperty("status").GetString() == "handoff"), Deadline);
        var page = await SignInAsync(ConsoleRoles.Operator);

        await page.GotoAsync(new Uri(_service.BaseAddress, $"items/{id}").ToString());
        await Assertions.Expect(page.Locator("form.board-confirm")).ToContainTextAsync("取下日期");
        await page.Locator("form.board-confirm input[name=day]").FillAsync(today);
        await page.Locator("form.board-confirm button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("done=taken_down"));

        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("已提交：已取下");
        await Assertions.Expect(page.Locator("tr[data-status=succeeded] .board-confirmed").First).ToContainTextAsync($"取下日期：{today}");
        await Assertions.Expect(page.Locator("table.audit")).ToContainTextAsync("delivery.taken_down");
        Assert.Equal("withdrawn", ConsoleHarness.Status(await _service.ItemAsync(id)));
    }

    private async Task<IPage> SignInAsync(string role)
    {
        var (name, password) = await _service.AddUserAsync(role);
        var page = await _context.NewPageAsync();
        await page.GotoAsync(new Uri(_service.BaseAddress, "signin").ToString());
        await page.Locator("input[name=name]").FillAsync(name);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/(channels)?$"));
        return page;
    }
}
