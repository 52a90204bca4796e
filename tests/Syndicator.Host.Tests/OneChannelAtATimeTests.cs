using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Sandbox;
using Syndicator.Testing.Processes;

namespace Syndicator.Host.Tests;

/// <summary>
/// Channels go live one at a time: with only the bureau's site configured — appsettings.json as shipped, the other
/// three channels switched off and given no credentials — the service starts, routes to the one channel and checks it.
/// </summary>
public sealed class OneChannelAtATimeTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync()
    {
        // No sandbox profile: the service sees what a first deployment would, plus the bureau's own settings.
        _service = await ServiceHarness.StartAsync(
            new Dictionary<string, string?>
            {
                ["Channels:portal:Enabled"] = "false",
                ["Channels:approval:Enabled"] = "false",
                ["Channels:wechat:Enabled"] = "false",
                ["Channels:bureau:BaseUrl"] = "{sandbox}bureau",
                ["Channels:bureau:SiteUrl"] = "{sandbox}bureau/site",
                ["Channels:bureau:ApiKey"] = SandboxCredentials.BureauApiKey,
                ["Channels:bureau:SiteId"] = SandboxCredentials.BureauSiteId.ToString(CultureInfo.InvariantCulture),
                ["Channels:bureau:ChannelId"] = SandboxCredentials.BureauChannelId.ToString(CultureInfo.InvariantCulture),
            },
            sandboxProfile: false);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Serve_OnlyBureauEnabled_StartsRoutesToItAndChecksItHealthy()
    {
        var id = ItemJson.NewId();
        var body = ItemJson.Make(id);
        body.Remove("channels");

        using var accepted = await _service.Client.PostAsJsonAsync("api/items", body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        var item = await _service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");
        var delivery = Assert.Single(item.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("bureau", delivery.GetProperty("channel").GetString());
        var article = Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        Assert.Equal(article.Url.ToString(), delivery.GetProperty("url").GetString());

        using var check = await _service.Client.PostAsync("api/channels/bureau/check", null);
        var health = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(health.GetProperty("status").GetString() == "healthy", health.ToString());

        var channels = await _service.Client.GetFromJsonAsync<JsonElement>("api/channels");
        var portal = channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "portal");
        Assert.False(portal.GetProperty("enabled").GetBoolean());
    }
}
