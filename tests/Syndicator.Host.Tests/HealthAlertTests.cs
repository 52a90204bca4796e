using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// Scheduled health checks end to end (SQLite, one node, a one-second interval): a channel made unhealthy in the
/// sandbox turns unhealthy on <c>GET /api/channels</c> within an interval or two, and the robot webhook (a loopback
/// receiver) gets exactly one message for the change, in the configured robot's format, then one when it recovers.
/// </summary>
public sealed class HealthAlertTests : IAsyncLifetime
{
    private const string AccessToken = "robot-token-5e1d";
    private const string Secret = "SEC-test-signing-secret-77aa";
    private WebhookReceiver _robot = null!;

    public async Task InitializeAsync() => _robot = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _robot.DisposeAsync();

    [Theory]
    [InlineData("dingtalk")]
    [InlineData("wecom")]
    public async Task ScheduledCheck_BureauPingFails_UnhealthyAndExactlyOneRobotMessageThenOneOnRecovery(string format)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Health:Interval"] = "00:00:01",

            // Failing pings open the channel's HTTP circuit; a short break lets the recovery show within the wait below.
            ["Channels:bureau:RequestCircuitBreak"] = "00:00:01",
            ["Alerts:Webhook:Url"] = new Uri(_robot.BaseAddress, format == "dingtalk" ? $"robot/send?access_token={AccessToken}" : $"cgi-bin/webhook/send?key={AccessToken}").ToString(),
            ["Alerts:Webhook:Format"] = format,
            ["Alerts:Webhook:Keyword"] = "同步告警",
        };
        if (format == "dingtalk")
        {
            settings["Alerts:Webhook:Secret"] = Secret;
        }

        await using var service = await ServiceHarness.StartAsync(settings);
        await WaitForScheduledCheckAsync(service, "healthy", after: 0);

        await service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.FailFor(503, TimeSpan.FromMinutes(2)) with { Path = "/api/ping" });

        await Waiting.UntilAsync(async () => await BureauStatusAsync(service) == "unhealthy", TimeSpan.FromSeconds(15), () => HistoryAsync(service));
        await Waiting.UntilAsync(() => Task.FromResult(BureauMessages().Count >= 1), TimeSpan.FromSeconds(10), () => Task.FromResult(Dump()));

        // Three more scheduled checks find it still unhealthy: no further message.
        var unhealthySoFar = await CountScheduledAsync(service, "unhealthy");
        await WaitForScheduledCheckAsync(service, "unhealthy", after: unhealthySoFar + 2);
        Assert.True(BureauMessages().Count == 1, Dump() + "\n" + await HistoryAsync(service));
        AssertShape(BureauMessages()[0], format, "unhealthy");

        await service.Sandbox.Control.ClearFaultsAsync("bureau");
        await Waiting.UntilAsync(() => Task.FromResult(BureauMessages().Count == 2), TimeSpan.FromSeconds(15), () => Task.FromResult(Dump()));
        AssertShape(BureauMessages()[1], format, "healthy");
    }

    private static void AssertShape(WebhookReceiver.Received message, string format, string status)
    {
        var body = message.Body;
        Assert.Equal("markdown", body.GetProperty("msgtype").GetString());
        var markdown = body.GetProperty("markdown");
        var text = markdown.GetProperty(format == "dingtalk" ? "text" : "content").GetString()!;
        Assert.Contains($"→ {status}", text, StringComparison.Ordinal);
        Assert.Contains("同步告警", text, StringComparison.Ordinal);
        if (format == "dingtalk")
        {
            Assert.Equal(["msgtype", "markdown"], body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["title", "text"], markdown.EnumerateObject().Select(p => p.Name));
            Assert.StartsWith("[同步告警] ", markdown.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal(AccessToken, message.Query("access_token"));
            var timestamp = message.Query("timestamp")!;
            Assert.InRange(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}\n{Secret}")));
            Assert.Equal(expected, message.Query("sign"));
        }
        else
        {
            Assert.Equal(["msgtype", "markdown"], body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["content"], markdown.EnumerateObject().Select(p => p.Name));
            Assert.Equal(AccessToken, message.Query("key"));
            Assert.Null(message.Query("sign"));
        }
    }

    private List<WebhookReceiver.Received> BureauMessages() =>
        [.. _robot.Messages.Where(m => m.Body.ToString().Contains("(bureau)", StringComparison.Ordinal))];

    private string Dump() => "Robot messages: " + string.Join("\n", _robot.Messages.Select(m => m.PathAndQuery + " " + m.Body));

    private static async Task<string?> BureauStatusAsync(ServiceHarness service)
    {
        var channels = await service.Client.GetFromJsonAsync<JsonElement>("api/channels");
        return channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "bureau").GetProperty("health").GetProperty("status").GetString();
    }

    private static async Task<int> CountScheduledAsync(ServiceHarness service, string status)
    {
        var history = await service.Client.GetFromJsonAsync<JsonElement>("api/channels/bureau/checks?limit=1000");
        return history.GetProperty("checks").EnumerateArray()
            .Count(c => c.GetProperty("trigger").GetString() == "scheduled" && c.GetProperty("status").GetString() == status);
    }

    private static Task WaitForScheduledCheckAsync(ServiceHarness service, string status, int after) =>
        Waiting.UntilAsync(async () => await CountScheduledAsync(service, status) > after, TimeSpan.FromSeconds(20), () => HistoryAsync(service));

    private static Task<string> HistoryAsync(ServiceHarness service) => service.Client.GetStringAsync("api/channels/bureau/checks?limit=20");
}
