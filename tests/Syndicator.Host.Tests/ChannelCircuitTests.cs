using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>A failing channel's circuit opens: its deliveries wait instead of using up their attempts, and other channels go on.</summary>
public sealed class ChannelCircuitTests
{
    [Fact]
    public async Task FailingChannel_CircuitOpensDeliveriesWaitAndOtherChannelsDeliver()
    {
        await using var service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Channels:bureau:CircuitFailures"] = "2",
            ["Channels:bureau:CircuitBreak"] = "00:10:00",
            ["Channels:bureau:MaxConcurrency"] = "1",
        });
        await service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.FailFor(503, TimeSpan.FromMinutes(5)));
        var stuck = Enumerable.Range(0, 4).Select(_ => ItemJson.NewId()).ToList();
        foreach (var id in stuck)
        {
            (await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).EnsureSuccessStatusCode();
        }

        var bureau = await WaitForCircuitAsync(service, "open");
        var other = ItemJson.NewId();
        (await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(other, channels: ["portal"]))).EnsureSuccessStatusCode();
        await service.WaitForItemAsync(other, i => i.GetProperty("status").GetString() == "delivered");

        // The schedule (nine steps of 100 ms here) would have failed every delivery by now without the circuit.
        var attempts = 0;
        foreach (var id in stuck)
        {
            var delivery = Assert.Single((await service.GetItemAsync(id)).GetProperty("deliveries").EnumerateArray());
            Assert.Equal("pending", delivery.GetProperty("status").GetString());
            attempts += delivery.GetProperty("attempts").GetInt32();
        }

        Assert.Equal(2, attempts);
        Assert.Equal(4, bureau.GetProperty("pending").GetInt32());
        Assert.Equal(0, bureau.GetProperty("failed").GetInt32());
    }

    private static async Task<JsonElement> WaitForCircuitAsync(ServiceHarness service, string state)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var channels = await service.Client.GetFromJsonAsync<JsonElement>("api/channels");
            var bureau = channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "bureau");
            if (bureau.GetProperty("circuit").GetString() == state)
            {
                return bureau;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"The bureau circuit never became {state}.");
        return default;
    }
}
