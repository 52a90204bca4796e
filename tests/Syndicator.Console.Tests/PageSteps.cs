using Microsoft.Playwright;

namespace Syndicator.Console.Tests;

/// <summary>Steps the browser tests share: waiting for what the service does in the background, and screenshots.</summary>
internal static class PageSteps
{
    /// <summary>Reloads <paramref name="page"/> until <paramref name="selector"/> matches; fails after the deadline.</summary>
    public static async Task ReloadUntilAsync(IPage page, string selector, TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        while (await page.Locator(selector).CountAsync() == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"'{selector}' never appeared on {page.Url}.");
            await page.WaitForTimeoutAsync(200);
            await page.ReloadAsync();
        }
    }

    /// <summary>The page as docs/console shows it, when CONSOLE_SCREENSHOTS names a folder; otherwise nothing.</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("CONSOLE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            // The whole page in one viewport: a full-page capture leaves frames below the fold unpainted.
            Directory.CreateDirectory(folder);
            var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
            await page.SetViewportSizeAsync(1280, height);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
            await page.SetViewportSizeAsync(1280, 900);
        }
    }
}
