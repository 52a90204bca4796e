using System.Net;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>事件推送 on a service with no event subscription: the page says so and how to configure one.</summary>
public sealed class EventsPageEmptyTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Fact]
    public async Task NoSubscription_PageSaysHowToConfigureOne_NoReplayForm()
    {
        var (name, password) = await fixture.Service.AddUserAsync(ConsoleRoles.It);
        using var client = new ConsoleClient(fixture.Service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();

        using var response = await client.GetAsync("events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("尚未配置事件订阅", html, StringComparison.Ordinal);
        Assert.Contains("Events:Subscriptions", html, StringComparison.Ordinal);
        Assert.Contains("docs/events.md", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-subscription=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Replay", html, StringComparison.Ordinal);
    }
}
