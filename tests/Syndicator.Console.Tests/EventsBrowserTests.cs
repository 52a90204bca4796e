using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>
/// 事件推送 in a real browser: IT follows the navigation link, filters by the item, watches its events reach the office
/// system's stand-in and fail at the refusing receiver, then replays from the form in China time.
/// </summary>
public sealed class EventsBrowserTests(BrowserFixture browser, EventsFixture events)
    : IClassFixture<BrowserFixture>, IClassFixture<EventsFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private IBrowserContext _context = null!;

    public async Task InitializeAsync() =>
        _context = await browser.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task It_WatchesAnItemsEventsAndReplaysThem()
    {
        var id = await events.SubmitAsync();
        var (name, password) = await events.Service.AddUserAsync(ConsoleRoles.It);
        var page = await _context.NewPageAsync();
        await page.GotoAsync(new Uri(events.Service.BaseAddress, "signin").ToString());
        await page.Locator("input[name=name]").FillAsync(name);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/channels$"));

        await page.Locator("header.top a[href='/events']").ClickAsync();
        await page.Locator("form.filters input[name=item]").FillAsync(id);
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(new Regex($"/events\\?item={id}$"));
        var office = "section[data-subscription=office]";
        foreach (var type in new[] { "item.accepted", "delivery.succeeded", "item.live" })
        {
            await PageSteps.ReloadUntilAsync(page, $"{office} tr[data-type='{type}'][data-status=succeeded]", Deadline);
        }

        var refused = page.Locator("section[data-subscription=archive] .failed-events tr[data-type='item.live'][data-status=failed]");
        await PageSteps.ReloadUntilAsync(page, "section[data-subscription=archive] .failed-events tr[data-type='item.live'][data-status=failed]", Deadline);
        await Assertions.Expect(refused.Locator("td.error")).ToContainTextAsync("the webhook receiver answered 401");
        await Assertions.Expect(page.Locator($"{office} tr[data-type='item.live'] a")).ToHaveAttributeAsync("href", $"/items/{id}");
        await Assertions.Expect(page.Locator("section[data-subscription=monitor] dd.circuit")).ToContainTextAsync("断开");
        await PageSteps.ShotAsync(page, "events");

        var since = DateTimeOffset.UtcNow.AddMinutes(-30).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await page.Locator("form.replay input[name=since]").FillAsync(since);
        await page.Locator("form.replay select[name=subscription]").SelectOptionAsync("office");
        await page.Locator("form.replay button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator(".notice.ok")).ToContainTextAsync(new Regex("已重新排队 [1-9][0-9]* 条（office [1-9][0-9]*）"));
    }
}
