using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Events;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// docs/events.md's JSON Schemas (docs/events/schemas) against the events the running service records and sends for
/// an item's life — accepted, live, withdrawn, and a channel's refusal — as the office system's stand-in received them.
/// </summary>
public sealed class EventPayloadSchemaTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Events:Subscriptions:office:Enabled"] = "true",
    });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Schemas_EveryEventOfAnItemsLife_IsValid()
    {
        var live = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(live, channels: ["bureau"]))).EnsureSuccessStatusCode();
        await UntilReceivedAsync(live, "item.live");
        (await _service.Client.PostAsJsonAsync($"api/items/{live}/withdraw", new { reason = "内容有误，撤回" })).EnsureSuccessStatusCode();
        await UntilReceivedAsync(live, "item.withdrawn");

        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(400, count: 5));
        var refused = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(refused, channels: ["bureau"]))).EnsureSuccessStatusCode();
        await UntilReceivedAsync(refused, "delivery.failed");

        var received = (await ReceivedAsync()).Where(e => About(e, live) || About(e, refused)).ToList();
        Assert.Equal(
            ["delivery.failed", "delivery.succeeded", "item.accepted", "item.live", "item.withdrawn"],
            received.Select(e => e.GetProperty("type").GetString()).Distinct().Order(StringComparer.Ordinal));
        foreach (var e in received)
        {
            EventSchemas.AssertValidEvent(e.GetProperty("payload"));
        }
    }

    private static bool About(JsonElement received, string itemId) =>
        received.GetProperty("payload").GetProperty("data").GetProperty("itemId").GetString() == itemId;

    private Task UntilReceivedAsync(string itemId, string type) =>
        Waiting.UntilAsync(
            async () => (await ReceivedAsync()).Any(e => About(e, itemId) && e.GetProperty("type").GetString() == type),
            Deadline,
            async () => $"{type} of {itemId} at the office system; it has: {string.Join(", ", (await ReceivedAsync()).Where(e => About(e, itemId)).Select(e => e.GetProperty("type").GetString()))}");

    private async Task<List<JsonElement>> ReceivedAsync()
    {
        using var http = _service.Sandbox.CreateClient();
        return [.. (await http.GetFromJsonAsync<JsonElement>("_sandbox/events")).EnumerateArray()];
    }
}
