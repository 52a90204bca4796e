using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Sandbox;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// <c>/api/events</c> over the service with the office subscription on the sandbox's event receiver, and the channel
/// <c>approval</c> as a hand-off (a person publishes it and confirms the URL).
/// </summary>
public sealed class EventsApiTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Events:Subscriptions:office:Enabled"] = "true",
        ["Channels:approval:Connector"] = "handoff",
        ["Channels:approval:BackOfficeUrl"] = "https://zwfw.example.gov.cn/admin/",
    });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Subscriptions_ListsOfficeWithItsQueue_NeverTheSecret()
    {
        using var response = await _service.Client.GetAsync("api/events/subscriptions");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var office = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal("office", office.GetProperty("name").GetString());
        Assert.EndsWith("/_sandbox/events", office.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("closed", office.GetProperty("circuit").GetString());
        Assert.DoesNotContain(SandboxCredentials.EventsSecret[6..20], text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A hand-off channel holds item.live back until a person confirms where the item went live.</summary>
    [Fact]
    public async Task ItemLive_WaitsForTheHandoffConfirmation_ThenCarriesItsUrl()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau", "approval"]))).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(id, i => Status(i, "approval") == "handoff" && Status(i, "bureau") == "succeeded");
        await WaitForEventAsync(id, "delivery.succeeded");

        Assert.DoesNotContain(await EventsAsync(id), e => e.GetProperty("type").GetString() == "item.live");

        var handoff = waiting.GetProperty("deliveries").EnumerateArray().First(d => d.GetProperty("channel").GetString() == "approval");
        (await _service.Client.PostAsJsonAsync($"api/deliveries/{handoff.GetProperty("id").GetString()}/confirm",
            new { url = "https://zwfw.example.gov.cn/art/2026/12/3/art_1.html" })).EnsureSuccessStatusCode();
        await WaitForEventAsync(id, "item.live");

        var live = Assert.Single(await ReceivedAsync(), e => e.GetProperty("type").GetString() == "item.live"
            && e.GetProperty("payload").GetProperty("data").GetProperty("itemId").GetString() == id);
        Assert.True(live.GetProperty("verified").GetBoolean());
        var urls = live.GetProperty("payload").GetProperty("data").GetProperty("channels").EnumerateArray()
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("url").GetString());
        Assert.Equal("https://zwfw.example.gov.cn/art/2026/12/3/art_1.html", urls["approval"]);
        Assert.StartsWith(_service.Sandbox.BaseAddress + "bureau/site/", urls["bureau"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/events?limit=0", HttpStatusCode.UnprocessableEntity, "limit")]
    [InlineData("api/events?limit=501", HttpStatusCode.UnprocessableEntity, "limit")]
    [InlineData("api/events?limit=many", HttpStatusCode.BadRequest, "limit")]
    [InlineData("api/events?failed=maybe", HttpStatusCode.BadRequest, "failed")]
    [InlineData("api/events?subscription=archive", HttpStatusCode.UnprocessableEntity, "subscription")]
    public async Task List_BadQuery_NamesTheField(string path, HttpStatusCode status, string field)
    {
        using var response = await _service.Client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Replay_BadBodies_NamesTheField_QueuesNothing()
    {
        var future = DateTimeOffset.UtcNow.AddDays(1);
        (object Body, HttpStatusCode Status, string Field)[] cases =
        [
            (new { }, HttpStatusCode.BadRequest, "since"),
            (new { since = future }, HttpStatusCode.UnprocessableEntity, "since"),
            (new { since = DateTimeOffset.UtcNow.AddYears(-2) }, HttpStatusCode.UnprocessableEntity, "since"),
            (new { since = DateTimeOffset.UtcNow.AddHours(-1), subscription = "archive" }, HttpStatusCode.UnprocessableEntity, "subscription"),
        ];
        foreach (var (body, status, field) in cases)
        {
            using var response = await _service.Client.PostAsJsonAsync("api/events/replay", body);
            Assert.Equal(status, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        }

        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 100, CancellationToken.None);
        Assert.DoesNotContain(audit, a => a.Action == "events.replay");
    }

    [Fact]
    public async Task Replay_ReadOnlyKey_Forbidden()
    {
        using var reader = await _service.ClientWithScopesAsync(Scopes.Read);

        using var response = await reader.PostAsJsonAsync("api/events/replay", new { since = DateTimeOffset.UtcNow.AddHours(-1) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Replay_SendsAgainUnderTheSameIds_Audited()
    {
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau"]))).EnsureSuccessStatusCode();
        await WaitForEventAsync(id, "item.live");
        // Every event of the item received once before the replay: none still on its way when it is queued again.
        await Waiting.UntilAsync(async () => (await _service.Client.GetFromJsonAsync<JsonElement>("api/events/subscriptions"))
            .EnumerateArray().All(s => s.GetProperty("pending").GetInt32() == 0), TimeSpan.FromMinutes(1), () => Task.FromResult("the office's queue empty"));
        var before = (await ReceivedAsync()).Where(e => About(e, id)).ToList();

        using var response = await _service.Client.PostAsJsonAsync("api/events/replay", new { since, subscription = "office" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("queued").GetInt32() >= before.Count);
        await Waiting.UntilAsync(async () => (await ReceivedAsync()).Where(e => About(e, id)).All(e => e.GetProperty("received").GetInt32() == 2),
            TimeSpan.FromMinutes(1), () => Task.FromResult("the item's events received twice"));
        Assert.Equal(before.Select(e => e.GetProperty("id").GetString()).Order(),
            (await ReceivedAsync()).Where(e => About(e, id)).Select(e => e.GetProperty("id").GetString()).Order());
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(null, 100, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "events.replay" && a.Detail!.Contains("office", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Receiver429_TheEventWaitsAtLeastSlowDownAtLeastNotTheSchedulesStep()
    {
        // The schedule's steps are 100 ms here; a receiver that says 429 is given Retry:SlowDownAtLeast (60 s) at least.
        await _service.Sandbox.Control.AddFaultAsync("events", SandboxFault.Fail(429));
        var before = DateTimeOffset.UtcNow;
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau"]))).EnsureSuccessStatusCode();

        JsonElement limited = default;
        await Waiting.UntilAsync(async () =>
        {
            limited = (await EventsAsync(id)).FirstOrDefault(e => e.GetProperty("lastCode").ValueKind == JsonValueKind.String
                && e.GetProperty("lastCode").GetString() == "429");
            return limited.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromMinutes(1), () => Task.FromResult($"an event of {id} refused with 429"));

        Assert.Equal(("pending", 1, "429"), (limited.GetProperty("status").GetString(), limited.GetProperty("attempts").GetInt32(), limited.GetProperty("lastCode").GetString()));
        Assert.True(limited.GetProperty("nextAttemptAt").GetDateTimeOffset() >= before.AddSeconds(60),
            $"the next try is at {limited.GetProperty("nextAttemptAt")}, sooner than 60 s after {before:O}");
    }

    [Fact]
    public async Task Metrics_ShowEachSubscriptionsQueueAndCircuit()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau"]))).EnsureSuccessStatusCode();
        await WaitForEventAsync(id, "item.live");

        using var response = await _service.ClientWithKey(null).GetAsync("metrics");
        var metrics = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("gauge", metrics.Types["syndicator_events_pending"]);
        Assert.Equal(0, metrics.Value("syndicator_events_failed", ("subscription", "office")));
        Assert.Equal(0, metrics.Value("syndicator_event_circuit_state", ("subscription", "office")));
        Assert.True(metrics.Value("syndicator_events_pending", ("subscription", "office")) >= 0);
    }

    private static string? Status(JsonElement item, string channel) =>
        item.GetProperty("deliveries").EnumerateArray().LastOrDefault(d => d.GetProperty("channel").GetString() == channel) is { ValueKind: JsonValueKind.Object } d
            ? d.GetProperty("status").GetString()
            : null;

    private static bool About(JsonElement received, string itemId) =>
        received.GetProperty("payload").GetProperty("data").GetProperty("itemId").GetString() == itemId;

    private async Task<List<JsonElement>> EventsAsync(string itemId) =>
        [.. (await _service.Client.GetFromJsonAsync<JsonElement>($"api/events?itemId={itemId}")).EnumerateArray()];

    /// <summary>Until the service lists an event of <paramref name="type"/> about the item as delivered to the office.</summary>
    private Task WaitForEventAsync(string itemId, string type) =>
        Waiting.UntilAsync(async () => (await EventsAsync(itemId)).Any(e =>
            e.GetProperty("type").GetString() == type && e.GetProperty("status").GetString() == "succeeded"), TimeSpan.FromMinutes(1), () => Task.FromResult($"{type} of {itemId} delivered"));

    private async Task<List<JsonElement>> ReceivedAsync()
    {
        using var http = _service.Sandbox.CreateClient();
        return [.. (await http.GetFromJsonAsync<JsonElement>("_sandbox/events")).EnumerateArray()];
    }
}
