using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Syndicator.Testing.Processes;
using Syndicator.Testing.Sandbox;
using Xunit.Abstractions;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// The loop back to the office system under the real <c>serve</c>: the subscription <c>office</c> on the sandbox's
/// event receiver (<c>/_sandbox/events</c>, which verifies every signature and de-duplicates by <c>webhook-id</c>).
/// </summary>
public sealed class EventsLoopTests(ITestOutputHelper output)
{
    private const string Receiver = "events";

    /// <summary>The office subscription on, its circuit's break short; a retry schedule of 9 × 5 s outlasts a 30 s outage.</summary>
    private static Dictionary<string, string> Office(params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string>
        {
            ["Syndicator__Events__Subscriptions__office__Enabled"] = "true",
            ["Syndicator__Events__Subscriptions__office__CircuitBreak"] = "00:00:05",
            ["Syndicator__Dispatcher__LeaseDuration"] = "00:00:01.500",
        };
        for (var i = 0; i < 9; i++)
        {
            settings[$"Syndicator__Retry__Schedule__{i}"] = "00:00:05";
        }

        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// The seven samples with the receiver answering 503 for 30 s, <c>kill -9</c> of <c>serve</c> while events wait,
    /// and two answers lost after the receiver recorded them: each item ends with exactly one verified
    /// <c>item.live</c> at the receiver, carrying every routed channel's URL as the service records it.
    /// </summary>
    [Fact]
    public async Task Samples_ReceiverDownAndServeKilled_OneVerifiedItemLivePerItemWithEveryUrl()
    {
        await using var run = await ServiceRun.StartAsync(Office());
        await run.Sandbox.AddFaultAsync(Receiver, SandboxFault.FailFor(503, TimeSpan.FromSeconds(30)));
        await run.Sandbox.AddFaultAsync(Receiver, SandboxFault.CommitThenDropConnection(count: 2));
        await run.AddNodeAsync();
        var samples = Samples();
        using (var api = run.Api)
        {
            foreach (var (id, json) in samples)
            {
                using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                using var response = await api.PostAsync("api/items", content);
                Assert.True(response.IsSuccessStatusCode, $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        // Every channel delivery done while the receiver is still down: the events wait in the queue, then the node dies.
        var ids = samples.Select(s => s.Id).ToList();
        await WaitAllSucceededAsync(run, ids);
        await run.KillNodeAsync(0);
        await run.StartNodeAsync(0);

        // Done when the service's queue for the office is empty, not merely when every item.live has arrived: an
        // answer lost after the receiver recorded the event is sent again only at the schedule's next step.
        IReadOnlyList<JsonElement> received = [];
        var waiting = -1;
        await run.WaitUntilAsync(async () =>
        {
            received = await ReceivedAsync(run);
            waiting = await WaitingAsync(run);
            return waiting == 0 && ids.All(id => received.Any(e => IsLive(e, id)));
        }, TimeSpan.FromMinutes(3), "an item.live for every sample and nothing left to send", () => $"{received.Count} events received, {waiting} waiting");

        var stats = await run.Sandbox.GetStatsAsync(Receiver);
        output.WriteLine($"{received.Count} events, {stats.FaultsInjected} answers refused or lost");
        Assert.True(stats.FaultsInjected > 2, "the receiver was never down while events waited");
        Assert.Contains(received, e => e.GetProperty("received").GetInt32() > 1);
        Assert.All(received, e => Assert.True(e.GetProperty("verified").GetBoolean(), e.ToString()));
        foreach (var id in ids)
        {
            var live = Assert.Single(received, e => IsLive(e, id));
            var urls = live.GetProperty("payload").GetProperty("data").GetProperty("channels").EnumerateArray()
                .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("url").GetString());
            Assert.Equal(await LiveUrlsAsync(run, id), urls);
        }

        using var client = run.Api;
        var office = Assert.Single((await client.GetFromJsonAsync<JsonElement>("api/events/subscriptions")).EnumerateArray());
        Assert.Equal(0, office.GetProperty("failed").GetInt32());
    }

    /// <summary>A secret other than the receiver's: it refuses every event as a bad signature, and the service shows why.</summary>
    [Fact]
    public async Task WrongSecret_ReceiverRefusesTheSignature_ServiceListsTheRefusal()
    {
        var wrong = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var run = await ServiceRun.StartAsync(Office(("Syndicator__Events__Subscriptions__office__Secret", wrong)));
        await run.AddNodeAsync();
        var id = ServiceRun.Id();
        await run.SubmitAsync([id], ["bureau"]);

        IReadOnlyList<JsonElement> received = [];
        await run.WaitUntilAsync(async () => (received = await ReceivedAsync(run)).Count > 0, TimeSpan.FromMinutes(1), "an event at the receiver");
        Assert.All(received, e =>
        {
            Assert.False(e.GetProperty("verified").GetBoolean());
            Assert.Contains("signature", e.GetProperty("problem").GetString()!, StringComparison.OrdinalIgnoreCase);
        });

        JsonElement refused = default;
        await run.WaitUntilAsync(async () =>
        {
            using var api = run.Api;
            var listed = await api.GetFromJsonAsync<JsonElement>("api/events?subscription=office");
            refused = listed.EnumerateArray().FirstOrDefault(e => e.GetProperty("lastCode").ValueKind == JsonValueKind.String);
            return refused.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromMinutes(1), "a refused try listed");
        Assert.Equal("401", refused.GetProperty("lastCode").GetString());
        Assert.Contains("Events:Subscriptions:office:Secret", refused.GetProperty("lastError").GetString()!, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, run.Outputs(), StringComparison.Ordinal);
    }

    /// <summary><c>events replay</c> sends the same events again, under the same ids: the receiver counts each twice.</summary>
    [Fact]
    public async Task Replay_Cli_ResendsEveryEventUnderItsOwnId()
    {
        await using var run = await ServiceRun.StartAsync(Office());
        await run.AddNodeAsync();
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        string[] ids = [ServiceRun.Id(), ServiceRun.Id()];
        await run.SubmitAsync(ids, ["bureau"]);

        // Every event received once, none still on its way (an item.live may arrive before the delivery.succeeded
        // written with it): then the replay queues exactly what the receiver holds.
        IReadOnlyList<JsonElement> first = [];
        await run.WaitUntilAsync(async () =>
        {
            first = await ReceivedAsync(run);
            return await WaitingAsync(run) == 0 && ids.All(id => first.Any(e => IsLive(e, id)));
        }, TimeSpan.FromMinutes(1), "item.live for both items and nothing left to send");
        Assert.All(first, e => Assert.Equal(1, e.GetProperty("received").GetInt32()));

        var (code, stdout, stderr) = await SyndicatorProcess.RunAsync(
            ["events", "replay", "--since", since.ToString("O"), "--subscription", "office", .. run.ClientArguments()], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, stderr);
        Assert.Contains($"Queued {first.Count} events again.", stdout, StringComparison.Ordinal);

        IReadOnlyList<JsonElement> again = [];
        await run.WaitUntilAsync(async () =>
        {
            again = await ReceivedAsync(run);
            return again.All(e => e.GetProperty("received").GetInt32() == 2);
        }, TimeSpan.FromMinutes(1), "every event received twice");
        Assert.Equal(first.Select(Id).Order(), again.Select(Id).Order());

        var (listed, listing, _) = await SyndicatorProcess.RunAsync(["events", "list", "--failed", .. run.ClientArguments()], TimeSpan.FromMinutes(1));
        Assert.Equal(0, listed);
        Assert.Contains("0 events failed.", listing, StringComparison.Ordinal);
    }

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private static bool IsLive(JsonElement e, string itemId) =>
        e.GetProperty("type").GetString() == "item.live"
        && e.GetProperty("payload").GetProperty("data").GetProperty("itemId").GetString() == itemId;

    /// <summary>The office subscription's events waiting or in flight, as the service reports them.</summary>
    private static async Task<int> WaitingAsync(ServiceRun run)
    {
        using var api = run.Api;
        return Assert.Single((await api.GetFromJsonAsync<JsonElement>("api/events/subscriptions")).EnumerateArray()).GetProperty("pending").GetInt32();
    }

    private static async Task<IReadOnlyList<JsonElement>> ReceivedAsync(ServiceRun run)
    {
        using var http = new HttpClient { BaseAddress = run.SandboxAddress };
        return [.. (await http.GetFromJsonAsync<JsonElement>("_sandbox/events")).EnumerateArray()];
    }

    /// <summary>Channel → URL of each succeeded delivery of the item, as the service's API reports them.</summary>
    private static async Task<Dictionary<string, string?>> LiveUrlsAsync(ServiceRun run, string id)
    {
        using var api = run.Api;
        var item = await api.GetFromJsonAsync<JsonElement>($"api/items/{id}");
        return item.GetProperty("deliveries").EnumerateArray()
            .Where(d => d.GetProperty("status").GetString() == "succeeded")
            .ToDictionary(d => d.GetProperty("channel").GetString()!, d => d.GetProperty("url").GetString());
    }

    private static Task WaitAllSucceededAsync(ServiceRun run, IReadOnlyList<string> ids) =>
        run.WaitUntilAsync(async () =>
        {
            foreach (var id in ids)
            {
                if ((await run.DeliveriesAsync(id)).Values.Any(s => s != "succeeded"))
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromMinutes(2), "every sample's deliveries succeeded");

    /// <summary>The repository's sample items (copied beside the tests), with their ids.</summary>
    private static List<(string Id, string Json)> Samples() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json").Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f))
            .Select(json => (JsonNode.Parse(json)!["id"]!.GetValue<string>(), json))];
}
