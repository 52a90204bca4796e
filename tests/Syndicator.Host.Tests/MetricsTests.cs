using System.Globalization;
using System.Net.Http.Json;

namespace Syndicator.Host.Tests;

/// <summary>
/// <c>/metrics</c> (prometheus-net) as a scraper sees it after real deliveries and after a failure, parsed strictly as
/// Prometheus text: the families, labels and values of the documented contract.
/// </summary>
public sealed class MetricsTests
{
    private static readonly string[] Families =
    [
        "syndicator_deliveries", "syndicator_deliveries_pending", "syndicator_deliveries_failed", "syndicator_attempt_duration_seconds",
        "syndicator_oldest_pending_age_seconds", "syndicator_channel_circuit_state", "syndicator_channel_health_status", "syndicator_channel_healthy",
    ];

    [Fact]
    public async Task Metrics_AfterDeliveriesAndACheck_EveryFamilyWithItsLabelsAndValues()
    {
        await using var service = await ServiceHarness.StartAsync();
        string[] ids = [ItemJson.NewId(), ItemJson.NewId()];
        foreach (var id in ids)
        {
            (await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau", "portal"]))).EnsureSuccessStatusCode();
        }

        foreach (var id in ids)
        {
            await service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");
        }

        (await service.Client.PostAsync("api/channels/bureau/check", null)).EnsureSuccessStatusCode();

        using var response = await service.ClientWithKey(null).GetAsync("metrics");
        var metrics = PrometheusExposition.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.All(Families, f => Assert.Equal(f == "syndicator_attempt_duration_seconds" ? "histogram" : "gauge", metrics.Types[f]));
        Assert.Equal(2, metrics.Value("syndicator_deliveries", ("channel", "bureau"), ("status", "succeeded")));
        Assert.Equal(0, metrics.Value("syndicator_deliveries", ("channel", "bureau"), ("status", "failed")));
        Assert.Equal(0, metrics.Value("syndicator_deliveries_pending", ("channel", "bureau")));
        Assert.Equal(0, metrics.Value("syndicator_deliveries_failed", ("channel", "portal")));
        Assert.Equal(0, metrics.Value("syndicator_oldest_pending_age_seconds", ("channel", "portal")));
        Assert.Equal(0, metrics.Value("syndicator_channel_circuit_state", ("channel", "bureau")));
        Assert.Equal(1, metrics.Value("syndicator_channel_health_status", ("channel", "bureau"), ("status", "healthy")));
        Assert.Equal(0, metrics.Value("syndicator_channel_health_status", ("channel", "bureau"), ("status", "unhealthy")));
        Assert.Equal(1, metrics.Value("syndicator_channel_health_status", ("channel", "wechat"), ("status", "unknown")));
        Assert.Equal(1, metrics.Value("syndicator_channel_healthy", ("channel", "bureau")));
        Assert.Equal(0, metrics.Value("syndicator_channel_healthy", ("channel", "portal")));
        AssertHistogram(metrics, "bureau", atLeast: 2);
        AssertHistogram(metrics, "portal", atLeast: 2);
    }

    [Fact]
    public async Task Metrics_AfterARefusedDeliveryAndAFailedCheck_FailedCountsAndUnhealthy()
    {
        // The platform refuses the key on every try; the circuit is kept closed so the tries run out quickly.
        await using var service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Channels:bureau:ApiKey"] = "00000000-0000-0000-0000-000000000000",
            ["Channels:bureau:CircuitFailures"] = "100",
        });
        var id = ItemJson.NewId();
        (await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau"]))).EnsureSuccessStatusCode();
        await service.WaitForItemAsync(id, i => i.GetProperty("deliveries").EnumerateArray().Single().GetProperty("status").GetString() == "failed");
        (await service.Client.PostAsync("api/channels/bureau/check", null)).EnsureSuccessStatusCode();

        var metrics = PrometheusExposition.Parse(await service.Client.GetStringAsync("metrics"));

        Assert.Equal(1, metrics.Value("syndicator_deliveries", ("channel", "bureau"), ("status", "failed")));
        Assert.Equal(0, metrics.Value("syndicator_deliveries", ("channel", "bureau"), ("status", "succeeded")));
        Assert.Equal(1, metrics.Value("syndicator_deliveries_failed", ("channel", "bureau")));
        Assert.Equal(0, metrics.Value("syndicator_deliveries_pending", ("channel", "bureau")));
        Assert.Equal(1, metrics.Value("syndicator_channel_health_status", ("channel", "bureau"), ("status", "unhealthy")));
        Assert.Equal(0, metrics.Value("syndicator_channel_health_status", ("channel", "bureau"), ("status", "healthy")));
        Assert.Equal(0, metrics.Value("syndicator_channel_healthy", ("channel", "bureau")));
        AssertHistogram(metrics, "bureau", atLeast: 1);
    }

    [Fact]
    public async Task Metrics_StoreValues_ReusedWithinTheWindowThenReadAgain()
    {
        await using var cached = await ServiceHarness.StartAsync(new Dictionary<string, string?> { ["Metrics:StoreReadSeconds"] = "300" });
        await using var uncached = await ServiceHarness.StartAsync(new Dictionary<string, string?> { ["Metrics:StoreReadSeconds"] = "0" });

        foreach (var service in new[] { cached, uncached })
        {
            Assert.Equal(0, await SucceededAsync(service));
            var id = ItemJson.NewId();
            (await service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau"]))).EnsureSuccessStatusCode();
            await service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");
        }

        // Within five minutes of the first scrape, the first reading stands; with a window of 0 every scrape reads.
        Assert.Equal(0, await SucceededAsync(cached));
        Assert.Equal(1, await SucceededAsync(uncached));
    }

    [Fact]
    public async Task Metrics_OpenMetricsWhenAskedForIt_OnlyGet()
    {
        await using var service = await ServiceHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "metrics");
        request.Headers.Accept.ParseAdd("application/openmetrics-text; version=1.0.0");

        using var response = await service.Client.SendAsync(request);
        using var post = await service.Client.PostAsync("metrics", null);

        Assert.Equal("application/openmetrics-text", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("# EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("syndicator_deliveries_pending{channel=\"bureau\"} 0", text, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    private static async Task<double> SucceededAsync(ServiceHarness service) =>
        PrometheusExposition.Parse(await service.Client.GetStringAsync("metrics")).Value("syndicator_deliveries", ("channel", "bureau"), ("status", "succeeded"));

    private static void AssertHistogram(PrometheusExposition metrics, string channel, int atLeast)
    {
        var count = metrics.Value("syndicator_attempt_duration_seconds_count", ("channel", channel));
        var sum = metrics.Value("syndicator_attempt_duration_seconds_sum", ("channel", channel));
        var buckets = metrics.Samples
            .Where(s => s.Name == "syndicator_attempt_duration_seconds_bucket" && s.Labels["channel"] == channel)
            .Select(s => (Le: s.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(s.Labels["le"], CultureInfo.InvariantCulture), s.Value))
            .ToList();
        Assert.True(count >= atLeast, $"{channel}: {count} tries counted");
        Assert.InRange(sum, 0.000001, 60 * count);
        Assert.Equal([0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, double.PositiveInfinity], buckets.Select(b => b.Le));
        Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First.Value <= p.Second.Value), "buckets are cumulative");
        Assert.Equal(count, buckets[^1].Value);
    }
}
