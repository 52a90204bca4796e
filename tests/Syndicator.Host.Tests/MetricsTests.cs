using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Syndicator.Host.Tests;

/// <summary><c>/metrics</c> after real deliveries, parsed as Prometheus text: every family declared once, histograms well formed.</summary>
public sealed partial class MetricsTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Metrics_AfterDeliveriesAndACheck_EveryFamilyWithPlausibleValues()
    {
        string[] ids = [ItemJson.NewId(), ItemJson.NewId()];
        foreach (var id in ids)
        {
            (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["bureau", "portal"]))).EnsureSuccessStatusCode();
        }

        foreach (var id in ids)
        {
            await _service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");
        }

        (await _service.Client.PostAsync("api/channels/bureau/check", null)).EnsureSuccessStatusCode();

        using var response = await _service.ClientWithKey(null).GetAsync("metrics");
        var metrics = Parse(await response.Content.ReadAsStringAsync());

        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        Assert.Equal(2, metrics.Value("syndicator_deliveries", ("channel", "bureau"), ("status", "succeeded")));
        Assert.Equal(0, metrics.Value("syndicator_deliveries", ("channel", "bureau"), ("status", "failed")));
        Assert.Equal(0, metrics.Value("syndicator_deliveries_pending", ("channel", "bureau")));
        Assert.Equal(0, metrics.Value("syndicator_oldest_pending_age_seconds", ("channel", "portal")));
        Assert.Equal(0, metrics.Value("syndicator_channel_circuit_state", ("channel", "bureau")));
        Assert.Equal(1, metrics.Value("syndicator_channel_health_status", ("channel", "bureau"), ("status", "healthy")));
        Assert.Equal(0, metrics.Value("syndicator_channel_health_status", ("channel", "bureau"), ("status", "unhealthy")));
        Assert.Equal(1, metrics.Value("syndicator_channel_health_status", ("channel", "wechat"), ("status", "unknown")));
        Assert.Equal(1, metrics.Value("syndicator_channel_healthy", ("channel", "bureau")));

        foreach (var channel in new[] { "bureau", "portal" })
        {
            var count = metrics.Value("syndicator_attempt_duration_seconds_count", ("channel", channel));
            var sum = metrics.Value("syndicator_attempt_duration_seconds_sum", ("channel", channel));
            var buckets = metrics.Samples
                .Where(s => s.Name == "syndicator_attempt_duration_seconds_bucket" && s.Labels["channel"] == channel)
                .Select(s => (Le: s.Labels["le"] == "+Inf" ? double.PositiveInfinity : double.Parse(s.Labels["le"], CultureInfo.InvariantCulture), s.Value))
                .ToList();
            Assert.True(count >= 2, $"{channel}: {count} tries counted");
            Assert.InRange(sum, 0.000001, 60 * count);
            Assert.Equal(buckets.OrderBy(b => b.Le).ToList(), buckets);
            Assert.True(buckets.Zip(buckets.Skip(1)).All(p => p.First.Value <= p.Second.Value), "buckets are cumulative");
            Assert.Equal((double.PositiveInfinity, count), buckets[^1]);
        }
    }

    /// <summary>Parses the exposition text, failing on anything malformed: a sample of an undeclared family, a family declared twice or split.</summary>
    private static Exposition Parse(string text)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<Sample>();
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                Assert.True(helps.Add(line.Split(' ')[2]), $"HELP twice: {line}");
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Contains(parts[3], new[] { "gauge", "counter", "histogram", "summary", "untyped" });
                Assert.True(types.TryAdd(parts[2], parts[3]), $"TYPE twice: {line}");
                Assert.Contains(parts[2], helps);
                if (current is not null)
                {
                    finished.Add(current);
                }

                current = parts[2];
                continue;
            }

            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"Not a sample line: {line}");
            var name = match.Groups["name"].Value;
            var family = types.ContainsKey(name) ? name : Regex.Replace(name, "_(bucket|sum|count)$", "");
            Assert.True(types.TryGetValue(family, out var type), $"Sample of an undeclared family: {line}");
            Assert.True(family == name || type == "histogram", $"Suffix on a {type}: {line}");
            Assert.Equal(current, family);
            Assert.DoesNotContain(family, finished);
            var labels = LabelPair().Matches(match.Groups["labels"].Value).ToDictionary(m => m.Groups["k"].Value, m => m.Groups["v"].Value, StringComparer.Ordinal);
            var value = match.Groups["value"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture);
            samples.Add(new Sample(name, labels, value));
        }

        foreach (var family in new[]
                 {
                     "syndicator_deliveries", "syndicator_deliveries_pending", "syndicator_deliveries_failed", "syndicator_attempt_duration_seconds",
                     "syndicator_oldest_pending_age_seconds", "syndicator_channel_circuit_state", "syndicator_channel_health_status", "syndicator_channel_healthy",
                 })
        {
            Assert.True(types.ContainsKey(family), $"No family {family}");
        }

        return new Exposition(samples);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<k>[a-zA-Z_][a-zA-Z0-9_]*)="(?<v>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();

    private sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    private sealed record Exposition(IReadOnlyList<Sample> Samples)
    {
        public double Value(string name, params (string Key, string Value)[] labels) =>
            Assert.Single(Samples, s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Value;
    }
}
