using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Webhook;

/// <summary>The receiver's own rules, with events signed here by hand from the Standard Webhooks specification.</summary>
public sealed class WebhookReceiverTests : IAsyncLifetime
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
    public async Task Unsigned_Refused401AndNothingStored()
    {
        using var response = await _client.PostAsync(new Uri("webhook/events", UriKind.Relative), Json(Event("item.published", "a")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("missing webhook-id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("webhook"));
    }

    [Fact]
    public async Task BodyChangedAfterSigning_Refused401()
    {
        using var request = Signed("msg_a", Event("item.published", "a"));
        request.Content = Json(Event("item.published", "b"));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("no webhook-signature matches", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameIdTwice_SameAnswerAppliedOnce_SecondSignatureAmongSeveralAccepted()
    {
        using var first = await _client.SendAsync(Signed("msg_twice", Event("item.published", "twice")));
        using var again = await _client.SendAsync(Signed("msg_twice", Event("item.published", "twice"), extraSignature: "v1,AAAA"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("webhook"));
        Assert.Equal(1, article.Metadata["deliveries"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(article.Url)).StatusCode);
    }

    [Fact]
    public async Task UnknownType_Refused400()
    {
        using var response = await _client.SendAsync(Signed("msg_unknown", Event("item.archived", "x")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("item.archived", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Event(string type, string itemId) =>
        new JsonObject { ["type"] = type, ["timestamp"] = "2026-03-02T01:00:00Z", ["data"] = new JsonObject { ["itemId"] = itemId, ["title"] = "标题 " + itemId, ["bodyHtml"] = "<p>正文</p>" } }
            .ToJsonString();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static HttpRequestMessage Signed(string id, string body, string? extraSignature = null) =>
        SignedRequest.Post("webhook/events", id, body, SandboxCredentials.WebhookSecret, extraSignature);
}
