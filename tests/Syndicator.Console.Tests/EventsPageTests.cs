using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Tests;
using Syndicator.Host.WebConsole;
using Syndicator.Sandbox;

namespace Syndicator.Console.Tests;

/// <summary>
/// 事件推送 over real HTTP: each subscription's events, failures and circuit as IT sees them, replay from the page
/// (queued, shown, audited, refusals next to their field), and who may do what — never a secret in the page.
/// </summary>
public sealed partial class EventsPageTests(EventsFixture fixture) : IClassFixture<EventsFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private readonly ConsoleHarness _service = fixture.Service;

    [Fact]
    public async Task It_SeesEachSubscriptionsEventsFailuresAndCircuit_NeverASecret()
    {
        var id = await fixture.SubmitAsync();
        using var client = await SignedInAsync(ConsoleRoles.It);

        var html = "";
        await Waiting.UntilAsync(async () =>
        {
            html = await PageAsync(client, $"events?item={id}");
            var office = Rows(Section(html, "office"));
            return new[] { "item.accepted", "delivery.succeeded", "item.live" }.All(t => office.Contains((t, "succeeded")))
                && Rows(FailedList(Section(html, "archive"))).Contains(("item.live", "failed"));
        }, Deadline, () => Task.FromResult(html));

        var officeSection = Section(html, "office");
        Assert.Contains($"href=\"/items/{id}\"", officeSection, StringComparison.Ordinal);
        Assert.Contains("/_sandbox/events", officeSection, StringComparison.Ordinal);
        Assert.Contains("没有失败的事件", officeSection, StringComparison.Ordinal);
        var archiveFailures = FailedList(Section(html, "archive"));
        Assert.Contains("the webhook receiver answered 401", archiveFailures, StringComparison.Ordinal);
        Assert.Contains("gave up after 10 attempts", archiveFailures, StringComparison.Ordinal);
        Assert.Contains("失败", archiveFailures, StringComparison.Ordinal);
        var monitor = Section(html, "monitor");
        Assert.Matches("class=\"chip c-open\">断开</span>\\s*<span class=\"muted\">至 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d</span>", monitor);
        Assert.DoesNotContain("data-type=\"item.live\"", monitor, StringComparison.Ordinal);

        var everything = html + await PageAsync(client, "events");
        foreach (var secret in new[] { fixture.OtherSecret, SandboxCredentials.EventsSecret })
        {
            Assert.DoesNotContain(secret["whsec_".Length..], everything, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("whsec_", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_FromThePage_QueuedAgainUnderTheSameIds_CountShownAndAudited()
    {
        var id = await fixture.SubmitAsync();
        await Waiting.UntilAsync(async () => (await fixture.ReceivedAsync(id)).Any(e => e.GetProperty("type").GetString() == "item.live"),
            Deadline, () => Task.FromResult("item.live at the office system's stand-in"));
        var (name, client) = await SignedInWithNameAsync(ConsoleRoles.It);
        var since = DateTimeOffset.UtcNow.AddMinutes(-10).ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        using var response = await client.PostAsync("events?handler=Replay", [new("since", since), new("subscription", "office")], "events");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = DonePattern().Match(html);
        Assert.True(done.Success, html);
        var queued = int.Parse(done.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal($"office {queued}", done.Groups[2].Value);
        var sent = await fixture.ReceivedAsync(id);
        Assert.True(queued >= sent.Count, $"{queued} queued, {sent.Count} events of the item received");
        await Waiting.UntilAsync(async () => (await fixture.ReceivedAsync(id)).All(e => e.GetProperty("received").GetInt32() == 2),
            Deadline, () => Task.FromResult("every event of the item received a second time"));
        Assert.Equal(sent.Select(e => e.GetProperty("id").GetString()).Order(),
            (await fixture.ReceivedAsync(id)).Select(e => e.GetProperty("id").GetString()).Order());
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 100, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "events.replay" && a.Actor == "user:" + name && a.Detail!.Contains($"office {queued}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "", HttpStatusCode.BadRequest, "since", "请填写起始时间")]
    [InlineData("2026-02-30T10:00", "", HttpStatusCode.BadRequest, "since", "请填写起始时间")]
    [InlineData("+1d", "", HttpStatusCode.UnprocessableEntity, "since", "起始时间须在最近 366 天内")]
    [InlineData("-400d", "", HttpStatusCode.UnprocessableEntity, "since", "起始时间须在最近 366 天内")]
    [InlineData("-1h", "archives", HttpStatusCode.UnprocessableEntity, "subscription", "没有这个已启用的订阅")]
    public async Task Replay_BadInput_RefusalNextToTheField_NothingQueued(
        string since, string subscription, HttpStatusCode status, string field, string message)
    {
        var (name, client) = await SignedInWithNameAsync(ConsoleRoles.It);

        using var response = await client.PostAsync("events?handler=Replay", [new("since", Relative(since)), new("subscription", subscription)], "events");

        Assert.Equal(status, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var error = Regex.Match(html, $"<span class=\"error field-error\" data-field=\"{field}\" role=\"alert\">([^<]*)</span>");
        Assert.True(error.Success, html);
        Assert.Contains(message, error.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain("已重新排队", html, StringComparison.Ordinal);
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 200, CancellationToken.None);
        Assert.DoesNotContain(audit, a => a.Action == "events.replay" && a.Actor == "user:" + name);
    }

    [Fact]
    public async Task Auditor_ReadsThePageWithoutReplay_ForgedReplayForbidden()
    {
        var (name, client) = await SignedInWithNameAsync(ConsoleRoles.Auditor);

        var html = await PageAsync(client, "events");
        using var forged = await client.PostAsync("events?handler=Replay",
            [new("since", Relative("-1h")), new("subscription", "office")], "events");

        Assert.Contains("data-subscription=\"office\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Replay", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"since\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 200, CancellationToken.None);
        Assert.DoesNotContain(audit, a => a.Action == "events.replay" && a.Actor == "user:" + name);
    }

    [Fact]
    public async Task Operator_EventsPage_Forbidden_AndNotInTheNavigation()
    {
        using var client = await SignedInAsync(ConsoleRoles.Operator);

        using var page = await client.GetAsync("events");
        using var items = await client.GetAsync("");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain("href=\"/events\"", await items.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItemFilter_TooLong_RefusedNextToTheField()
    {
        using var client = await SignedInAsync(ConsoleRoles.It);

        using var response = await client.GetAsync("events?item=" + new string('a', 65));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Matches("data-field=\"item\" role=\"alert\">信息编号最多 64 个字符。<", await response.Content.ReadAsStringAsync());
    }

    /// <summary>"-1h", "+1d", "-400d": that far from now as a datetime-local value in China time; anything else as it is.</summary>
    private static string Relative(string value)
    {
        var match = Regex.Match(value, @"\A([+-]\d+)([hd])\z");
        if (!match.Success)
        {
            return value;
        }

        var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var at = DateTimeOffset.UtcNow + (match.Groups[2].Value == "h" ? TimeSpan.FromHours(amount) : TimeSpan.FromDays(amount));
        return at.ToOffset(China).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    private async Task<ConsoleClient> SignedInAsync(string role) => (await SignedInWithNameAsync(role)).Client;

    private async Task<(string Name, ConsoleClient Client)> SignedInWithNameAsync(string role)
    {
        var (name, password) = await _service.AddUserAsync(role);
        var client = new ConsoleClient(_service.BaseAddress);
        using var response = await client.SignInAsync(name, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (name, client);
    }

    private static async Task<string> PageAsync(ConsoleClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The section of one subscription.</summary>
    internal static string Section(string html, string subscription)
    {
        var start = html.IndexOf($"data-subscription=\"{subscription}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section for {subscription}.");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    /// <summary>A section's list of failed events ("" when it has none).</summary>
    private static string FailedList(string section)
    {
        var start = section.IndexOf("class=\"failed-events\"", StringComparison.Ordinal);
        return start < 0 ? "" : section[start..];
    }

    internal static HashSet<(string Type, string Status)> Rows(string html) =>
        [.. RowPattern().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    [GeneratedRegex("<tr data-event=\"evt_[0-9a-f]{32}\" data-type=\"([a-z.]+)\" data-status=\"([a-z_]+)\">")]
    private static partial Regex RowPattern();

    [GeneratedRegex("已重新排队 (\\d+) 条（([^）]*)）")]
    private static partial Regex DonePattern();
}
