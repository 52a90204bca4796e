using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndicator.Host.Tests;

/// <summary>
/// The Prometheus text exposition format (0.0.4) as a scraper reads it, parsed strictly: every line is a HELP, a TYPE or
/// a sample; every family has both HELP and TYPE before its samples and its samples are not split; a sample belongs to
/// a declared family (<c>_bucket</c>, <c>_sum</c>, <c>_count</c> only on a histogram); label names and values well formed.
/// </summary>
internal sealed partial record PrometheusExposition(IReadOnlyDictionary<string, string> Types, IReadOnlyList<PrometheusSample> Samples)
{
    private const int MaxLength = 1 << 20;

    /// <summary>The value of the one sample named <paramref name="name"/> with exactly these labels.</summary>
    public double Value(string name, params (string Key, string Value)[] labels) =>
        Assert.Single(Samples, s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Value;

    public static PrometheusExposition Parse(string text)
    {
        Assert.True(text.Length <= MaxLength, $"Exposition of {text.Length} characters");
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var helps = new HashSet<string>(StringComparer.Ordinal);
        var samples = new List<PrometheusSample>();
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var name = line.Split(' ')[2];
                Assert.Matches(MetricName(), name);
                Assert.True(helps.Add(name), $"HELP twice: {line}");
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.Contains(parts[3], new[] { "gauge", "counter", "histogram", "summary", "untyped" });
                Assert.True(types.TryAdd(parts[2], parts[3]), $"TYPE twice: {line}");
                Assert.True(helps.Contains(parts[2]), $"TYPE without HELP first: {line}");
                if (current is not null)
                {
                    finished.Add(current);
                }

                current = parts[2];
                continue;
            }

            Assert.False(line.StartsWith('#'), $"Unknown comment line: {line}");
            samples.Add(Sample(line, types, current, finished));
        }

        Assert.Equal(helps.Order(StringComparer.Ordinal), types.Keys.Order(StringComparer.Ordinal));
        return new PrometheusExposition(types, samples);
    }

    private static PrometheusSample Sample(string line, Dictionary<string, string> types, string? current, HashSet<string> finished)
    {
        var match = SampleLine().Match(line);
        Assert.True(match.Success, $"Not a sample line: {line}");
        var name = match.Groups["name"].Value;
        var family = types.ContainsKey(name) ? name : HistogramSuffix().Replace(name, "");
        Assert.True(types.TryGetValue(family, out var type), $"Sample of an undeclared family: {line}");
        Assert.True(family == name || type == "histogram", $"Suffix on a {type}: {line}");
        Assert.Equal(current, family);
        Assert.DoesNotContain(family, finished);

        var labelText = match.Groups["labels"].Value;
        var pairs = LabelPair().Matches(labelText);
        Assert.Equal(labelText.Length, pairs.Sum(m => m.Length));
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match pair in pairs)
        {
            Assert.True(labels.TryAdd(pair.Groups["k"].Value, Regex.Unescape(pair.Groups["v"].Value)), $"Label twice: {line}");
        }

        var raw = match.Groups["value"].Value;
        var value = raw switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : double.NaN,
        };
        Assert.True(raw == "NaN" || !double.IsNaN(value), $"Not a number: {line}");
        return new PrometheusSample(name, labels, value);
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("_(bucket|sum|count)$")]
    private static partial Regex HistogramSuffix();

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[^}]*)\})? (?<value>\S+)( -?[0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<k>[a-zA-Z_][a-zA-Z0-9_]*)="(?<v>(?:[^"\\]|\\.)*)",?""")]
    private static partial Regex LabelPair();
}

/// <summary>One sample line: its name (with any histogram suffix), labels and value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
