using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests.Fuzz;

/// <summary>
/// 1,000 mutated intake payloads (seeded; the seed is printed and <c>SYNDICATOR_FUZZ_SEED</c> replays it) against
/// a real <c>serve</c>: no answer is a 5xx, every accepted item can be read back, no refused id is stored unless a
/// valid version of it was accepted, every refusal names a field, the platforms hold exactly the accepted items — each
/// once — and no page they show carries a form, a fixed overlay or a control character.
/// </summary>
public sealed partial class IntakeFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 1_000;
    private const int MaxRequestBytes = 256 * 1024;

    [Fact]
    public async Task Submit_ThousandMutatedPayloads_No5xxAndOnlyValidItemsStoredAndSent()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SYNDICATOR_FUZZ_SEED"), out var given) ? given : Environment.TickCount;
        output.WriteLine($"seed {seed} (replay with SYNDICATOR_FUZZ_SEED={seed})");
        await using var run = await ServiceRun.StartAsync(new Dictionary<string, string>
        {
            ["Syndicator__Api__MaxRequestBytes"] = MaxRequestBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await run.AddNodeAsync();
        var mutator = new IntakeMutator(new Random(seed), Samples(), MaxRequestBytes);
        var cases = Enumerable.Range(0, Cases).Select(i => mutator.Next($"fz-{seed & 0xffff:x}-{i}")).ToList();

        var answers = new ConcurrentBag<(FuzzCase Case, int Status, string Body)>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (fuzz, ct) =>
        {
            using var api = run.Client(0);
            using var content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null)
            {
                content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzz.ContentType);
            }

            using var response = await api.PostAsync("api/items", content, ct);
            answers.Add((fuzz, (int)response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
        });

        var errors = answers.Where(a => a.Status >= 500).ToList();
        Assert.True(errors.Count == 0, $"seed {seed}: {errors.Count} answers were 5xx, e.g.\n"
            + string.Join("\n", errors.Take(5).Select(e => $"{e.Status} [{e.Case.Mutations}] {e.Body}")) + "\n" + run.Outputs());
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { 200, 202, 400, 409, 413, 422 }));
        var unnamed = answers.Where(a => a.Status >= 400 && !NamesAField(a.Body)).ToList();
        Assert.True(unnamed.Count == 0, $"seed {seed}: {unnamed.Count} refusals name no field, e.g.\n"
            + string.Join("\n", unnamed.Take(5).Select(e => $"{e.Status} [{e.Case.Mutations}] {e.Body}")));

        var accepted = answers.Where(a => a.Status is 200 or 202)
            .Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"{accepted.Count} of {Cases} accepted; answers: "
            + string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}")));
        Assert.NotEmpty(accepted);
        using var reader = run.Client(0);
        foreach (var id in accepted)
        {
            using var found = await reader.GetAsync($"api/items/{Uri.EscapeDataString(id)}");
            Assert.True(found.IsSuccessStatusCode, $"accepted {id} cannot be read: {(int)found.StatusCode}");
        }

        foreach (var refused in answers.Where(a => a.Status >= 400 && !accepted.Contains(a.Case.Id) && IsRoutable(a.Case.Id)))
        {
            using var found = await reader.GetAsync($"api/items/{Uri.EscapeDataString(refused.Case.Id)}");
            Assert.True(found.StatusCode == System.Net.HttpStatusCode.NotFound, $"refused {refused.Case.Id} [{refused.Case.Mutations}] is stored: {(int)found.StatusCode}");
        }

        Assert.Equal(accepted.Count, await run.CountAsync("SELECT count(*) FROM items"));
        await AssertSentExactlyTheAcceptedAsync(run, accepted);
        await AssertPagesFitForAPublicSiteAsync(run);
    }

    /// <summary>A problem whose <c>errors</c> object names at least one field.</summary>
    private static bool NamesAField(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Every live page on every platform: no form, no password field, no fixed overlay, no control character.</summary>
    private static async Task AssertPagesFitForAPublicSiteAsync(ServiceRun run)
    {
        using var pages = new HttpClient();
        foreach (var channel in ServiceRun.AllChannels)
        {
            foreach (var article in (await run.Sandbox.GetArticlesAsync(channel)).Where(a => !a.Deleted))
            {
                using var page = await pages.GetAsync(article.Url);
                if (!page.IsSuccessStatusCode)
                {
                    continue;
                }

                var html = (await page.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal);
                Assert.False(html.Contains("evil.example", StringComparison.Ordinal), $"{channel} {article.Url} carries the form's target");
                Assert.False(html.Contains("type=\"password\"", StringComparison.Ordinal), $"{channel} {article.Url} carries a password field");
                Assert.False(html.Contains("position:fixed", StringComparison.Ordinal), $"{channel} {article.Url} carries a fixed overlay");
                Assert.False(html.Any(c => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF'), $"{channel} {article.Url} carries a control character");
            }
        }
    }

    /// <summary>Each channel holds one live article per accepted item delivered there, and nothing else.</summary>
    private static async Task AssertSentExactlyTheAcceptedAsync(ServiceRun run, HashSet<string> accepted)
    {
        var routed = new Dictionary<string, List<string>>();
        var waiting = "";
        await run.WaitUntilAsync(async () =>
        {
            routed.Clear();
            foreach (var id in accepted)
            {
                foreach (var (channel, status) in await run.DeliveriesAsync(id))
                {
                    if (status is not ("succeeded" or "failed" or "unconfirmed"))
                    {
                        waiting = $"{id} on {channel} is {status}.";
                        return false;
                    }

                    if (status == "succeeded")
                    {
                        routed.TryAdd(channel, []);
                        routed[channel].Add(id);
                    }
                }
            }

            return true;
        }, TimeSpan.FromSeconds(120), "every accepted item's deliveries settled", () => waiting);

        foreach (var channel in ServiceRun.AllChannels)
        {
            var articles = await run.Sandbox.GetArticlesAsync(channel);
            var delivered = routed.GetValueOrDefault(channel) ?? [];
            Assert.Equal(delivered.Count, articles.Count(a => !a.Deleted));
            Assert.Equal(delivered.Count, (await run.Sandbox.GetStatsAsync(channel)).Creates);
            Assert.All(articles.Where(a => a.SourceId is not null), a => Assert.Contains(a.SourceId!, delivered));
        }
    }

    /// <summary>An id the API could store (1–64 of [A-Za-z0-9._-]); any other is refused by its shape, and the row count covers it.</summary>
    private static bool IsRoutable(string id) => IdShape().IsMatch(id) && id != "." && id != "..";

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9._-]{1,64}\z")]
    private static partial System.Text.RegularExpressions.Regex IdShape();

    private static List<JsonObject> Samples() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => (JsonObject)JsonNode.Parse(File.ReadAllText(f))!)
            .ToList();
}
