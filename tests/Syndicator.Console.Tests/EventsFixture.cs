using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Syndicator.Host.Tests;
using Syndicator.Sandbox;
using Syndicator.Testing.Processes;

namespace Syndicator.Console.Tests;

/// <summary>
/// One service with three event subscriptions: <c>office</c> on the sandbox's receiver (verifies, answers 2xx);
/// <c>archive</c> on a local receiver that answers 401 to everything (retried on the fast schedule, then failed);
/// <c>monitor</c> on the same receiver, item.accepted only, whose circuit opens at the first refusal for an hour.
/// </summary>
public sealed class EventsFixture : IAsyncLifetime
{
    /// <summary>The refusing subscriptions' secret (the sandbox's own is <see cref="SandboxCredentials.EventsSecret"/>).</summary>
    public string OtherSecret { get; } = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public WebhookReceiver Refusing { get; private set; } = null!;

    public ConsoleHarness Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Refusing = await WebhookReceiver.StartAsync();
        Refusing.AnswerStatus = 401;
        var refusing = Refusing.BaseAddress.ToString();
        Service = await ConsoleHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Console:SignInsPerMinute"] = "10000",
            ["Events:Subscriptions:office:Enabled"] = "true",
            ["Events:Subscriptions:archive:Url"] = refusing + "archive",
            ["Events:Subscriptions:archive:Secret"] = OtherSecret,
            ["Events:Subscriptions:archive:CircuitFailures"] = "1000",
            ["Events:Subscriptions:monitor:Url"] = refusing + "monitor",
            ["Events:Subscriptions:monitor:Secret"] = OtherSecret,
            ["Events:Subscriptions:monitor:Types:0"] = "item.accepted",
            ["Events:Subscriptions:monitor:CircuitFailures"] = "1",
            ["Events:Subscriptions:monitor:CircuitBreak"] = "01:00:00",
        });
    }

    /// <summary>Submits an item for the bureau site; returns its id.</summary>
    public async Task<string> SubmitAsync()
    {
        var id = ItemJson.NewId("ev-");
        using var response = await Service.Api.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau"]));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>What the sandbox's receiver (the office system's stand-in) holds about <paramref name="itemId"/>.</summary>
    public async Task<List<JsonElement>> ReceivedAsync(string itemId)
    {
        using var http = Service.Sandbox.CreateClient();
        return [.. (await http.GetFromJsonAsync<JsonElement>("_sandbox/events")).EnumerateArray()
            .Where(e => e.GetProperty("payload").GetProperty("data").GetProperty("itemId").GetString() == itemId)];
    }

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        await Refusing.DisposeAsync();
    }
}
