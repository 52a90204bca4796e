using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace Syndicator.Host.Tests;

/// <summary>What IT uses: health, readiness, the channel overview, an on-demand check, metrics.</summary>
public sealed class OperationsApiTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("health/live")]
    [InlineData("health/ready")]
    public async Task Health_NoKey_Answers200(string path)
    {
        using var client = _service.ClientWithKey(null);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ChannelCheck_SandboxBureau_HealthyAndShownInTheList()
    {
        using var check = await _service.Client.PostAsync("api/channels/bureau/check", null);
        var channels = await _service.Client.GetFromJsonAsync<JsonElement>("api/channels");

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal("healthy", (await check.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var bureau = Assert.Single(channels.EnumerateArray(), c => c.GetProperty("id").GetString() == "bureau");
        Assert.Equal("sscms", bureau.GetProperty("connector").GetString());
        Assert.Equal("healthy", bureau.GetProperty("health").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ChannelCheck_BadCredentials_Unhealthy()
    {
        await using var service = await ServiceHarness.StartAsync(new Dictionary<string, string?> { ["Channels:bureau:ApiKey"] = "00000000-0000-0000-0000-000000000000" });

        var check = await (await service.Client.PostAsync("api/channels/bureau/check", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("unhealthy", check.GetProperty("status").GetString());
        Assert.DoesNotContain("00000000-0000-0000-0000-000000000000", check.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterADelivery_ShowsTheChannelGauges()
    {
        var text = await _service.Client.GetStringAsync("metrics");

        Assert.Contains("syndicator_deliveries_pending{channel=\"bureau\"} 0", text, StringComparison.Ordinal);
    }
}
