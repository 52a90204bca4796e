using System.Net.Http.Json;
using System.Text.Json;
using Json.Schema;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// docs/events.md's JSON Schemas (docs/events/schemas) against the events the running service records and sends for
/// an item's life — accepted, live, withdrawn, and a channel's refusal — as the office system's stand-in received them.
/// </summary>
public sealed class EventPayloadSchemaTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private static readonly Dictionary<string, JsonSchema> Schemas = Directory
        .GetFiles(Path.Combine(AppContext.BaseDirectory, "DocsEvents", "schemas"), "*.schema.json")
        .ToDictionary(f => Path.GetFileName(f)[..^".schema.json".Length], f => JsonSchema.FromText(File.ReadAllText(f)), StringComparer.Ordinal);

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
            var payload = e.GetProperty("payload");
            var type = payload.GetProperty("type").GetString()!;
            AssertValid("envelope", payload);
            AssertValid(type.StartsWith("delivery.", StringComparison.Ordinal) ? "delivery" : type, payload.GetProperty("data"));
        }
    }

    private static void AssertValid(string schema, JsonElement element)
    {
        var result = Schemas[schema].Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{schema}: {JsonSerializer.Serialize(result)}\n{element}");
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
