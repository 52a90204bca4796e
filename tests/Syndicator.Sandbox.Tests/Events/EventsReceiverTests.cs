using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Events;

/// <summary>The approval system's stand-in: events signed here by hand from the Standard Webhooks specification.</summary>
public sealed class EventsReceiverTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _client = _sandbox.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task SignedEventTwice_ListedOnceVerifiedAndCountedTwice()
    {
        using var first = await _client.SendAsync(Signed("msg_live_1", Event("item.live", "txsl-a"), SandboxCredentials.EventsSecret));
        using var again = await _client.SendAsync(Signed("msg_live_1", Event("item.live", "txsl-a"), SandboxCredentials.EventsSecret));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var received = Assert.Single(await ListAsync())!;
        Assert.Equal("msg_live_1", received["id"]!.GetValue<string>());
        Assert.Equal("item.live", received["type"]!.GetValue<string>());
        Assert.True(received["verified"]!.GetValue<bool>());
        Assert.Equal(2, received["received"]!.GetValue<int>());
        Assert.Equal("txsl-a", received["payload"]!["data"]!["itemId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignedWithAnotherSecret_Refused401AndListedUnverified()
    {
        using var response = await _client.SendAsync(Signed("msg_wrong", Event("item.live", "txsl-b"), SandboxCredentials.WebhookSecret));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var received = Assert.Single(await ListAsync())!;
        Assert.False(received["verified"]!.GetValue<bool>());
        Assert.Equal("no webhook-signature matches", received["problem"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusFaultForTheEventsChannel_ReceiverAnswersItAndRecordsNothing()
    {
        await _sandbox.Control.AddFaultAsync("events", new SandboxFault { Status = 503, Count = 1 });

        using var down = await _client.SendAsync(Signed("msg_down", Event("item.live", "txsl-c"), SandboxCredentials.EventsSecret));
        using var up = await _client.SendAsync(Signed("msg_down", Event("item.live", "txsl-c"), SandboxCredentials.EventsSecret));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, up.StatusCode);
        Assert.Equal(1, Assert.Single(await ListAsync())!["received"]!.GetValue<int>());
    }

    private async Task<JsonArray> ListAsync() =>
        (await _client.GetFromJsonAsync<JsonArray>(new Uri("_sandbox/events", UriKind.Relative)))!;

    private static string Event(string type, string itemId) =>
        new JsonObject { ["type"] = type, ["timestamp"] = "2026-03-02T01:00:00Z", ["data"] = new JsonObject { ["itemId"] = itemId } }.ToJsonString();

    private static HttpRequestMessage Signed(string id, string body, string secret) =>
        SignedRequest.Post("_sandbox/events", id, body, secret);
}
