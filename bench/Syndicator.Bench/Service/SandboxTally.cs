using System.Globalization;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Bench.Service;

/// <summary>What the platforms hold after a run: one live article per item per channel, and when each channel finished.</summary>
internal static class SandboxTally
{
    /// <summary>Returns "yes" when every channel holds exactly <paramref name="expected"/> distinct live articles; adds a note per channel.</summary>
    public static async Task<(string ExactlyOnce, IReadOnlyDictionary<string, double> RequestsPerDelivery)> CheckAsync(
        SandboxServer sandbox, int expected, DateTimeOffset startedAt, IReadOnlyDictionary<string, SandboxStats> before, int measured,
        List<string> notes, CancellationToken cancellationToken)
    {
        var wrong = new List<string>();
        var perDelivery = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var channel in ItemBody.Channels)
        {
            var articles = await sandbox.Control.GetArticlesAsync(channel, cancellationToken);
            var live = articles.Where(a => !a.Deleted).ToList();
            var distinct = live.Select(a => a.SourceId ?? a.Title).Distinct(StringComparer.Ordinal).Count();
            if (live.Count != expected || distinct != expected)
            {
                wrong.Add($"{channel} {live.Count} live/{distinct} distinct of {expected}");
            }

            var stats = await sandbox.Control.GetStatsAsync(channel, cancellationToken);
            var requests = stats.Requests - before[channel].Requests;
            perDelivery[channel] = (double)requests / measured;
            var last = live.Count == 0 ? TimeSpan.Zero : live.Max(a => a.CreatedAt) - startedAt;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{channel}: last article {last.TotalSeconds:0.0} s after start, {(double)requests / measured:0.0} platform requests per delivery"));
        }

        return (wrong.Count == 0 ? "yes" : "NO: " + string.Join(", ", wrong), perDelivery);
    }
}
