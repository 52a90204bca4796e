using System.Text.Json;
using Spectre.Console;

namespace Syndicator.Host.Cli;

/// <summary>Submits the samples and follows their deliveries, printing each change of status as it happens.</summary>
internal sealed class DemoProgress(ApiClient client, SandboxReader sandbox)
{
    private static readonly string[] Waiting = ["pending", "in_progress", "awaiting_confirmation"];
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private readonly List<JsonElement> _latest = [];

    public List<string> ItemIds { get; } = [];

    public async Task<bool> SubmitAsync(IReadOnlyList<(string Name, string Json)> samples, CancellationToken cancellationToken)
    {
        foreach (var (name, json) in samples)
        {
            var answer = await client.SendJsonAsync(HttpMethod.Post, "/api/items", json, cancellationToken);
            if (!answer.IsSuccess)
            {
                await Console.Error.WriteLineAsync($"{name} was refused:");
                foreach (var line in answer.ProblemLines())
                {
                    await Console.Error.WriteLineAsync("  " + line);
                }

                return false;
            }

            var id = answer.Body!.Value.GetProperty("id").GetString()!;
            ItemIds.Add(id);
            Say.Line($"[grey]submitted[/] {id}  {answer.Body.Value.GetProperty("title").GetString()}  [grey]({answer.Status})[/]");
        }

        return true;
    }

    /// <summary>Polls the items until no delivery is still moving; true when none failed.</summary>
    public async Task<bool> FollowAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var deliveries = await ReadAsync(deadline.Token);
                PrintChanges(deliveries);
                if (deliveries.All(d => !Waiting.Contains(d.GetProperty("status").GetString())))
                {
                    return PrintSummary(deliveries);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Say.Line($"[red]Ran out of time after {timeout}: some deliveries are still moving.[/]");
            return false;
        }
    }

    /// <summary>Checks that each channel's platform holds exactly the articles our succeeded deliveries name, once each.</summary>
    public async Task<bool> VerifyExactlyOnceAsync(CancellationToken cancellationToken)
    {
        var ok = true;
        // The notice board is paper: there is no platform to read back (DemoLoop confirms its postings).
        foreach (var channel in _latest.GroupBy(d => d.GetProperty("channel").GetString()!).Where(c => c.Key != DemoLoop.Board))
        {
            var ours = channel.Where(d => d.GetProperty("status").GetString() == "succeeded")
                .Select(d => d.GetProperty("remoteId").GetString()!).Order(StringComparer.Ordinal).ToList();
            var live = (await sandbox.LiveRemoteIdsAsync(channel.Key, cancellationToken)).Order(StringComparer.Ordinal).ToList();
            var exact = ours.SequenceEqual(live);
            ok &= exact;
            Say.Line(exact
                ? (FormattableString)$"[green]{channel.Key}: the platform holds {live.Count} articles for {ours.Count} items: each exactly once.[/]"
                : $"[red]{channel.Key}: the platform holds {live.Count} articles, but {ours.Count} deliveries succeeded.[/]");
        }

        return ok;
    }

    public static void PrintWhereToLook(Uri service, Uri sandbox, string key, IEnumerable<string> items)
    {
        Console.WriteLine();
        Console.WriteLine("Where to look:");
        Console.WriteLine($"  the platforms as a reader sees them   {sandbox}");
        Console.WriteLine($"  what the disclosure portal holds      {new Uri(sandbox, "/_sandbox/portal/articles")}");
        Console.WriteLine($"  what the bureau site holds            {new Uri(sandbox, "/_sandbox/bureau/articles")}");
        Console.WriteLine($"  what the approval-centre site holds   {new Uri(sandbox, "/_sandbox/approval/articles")}");
        Console.WriteLine($"  what the WeChat account holds         {new Uri(sandbox, "/_sandbox/wechat/articles")}");
        Console.WriteLine($"  the API (key below)                   {new Uri(service, "/api/items")}   {new Uri(service, "/api/channels")}");
        Console.WriteLine($"  API key                               {key}");
        var first = items.FirstOrDefault() ?? "ID";
        Console.WriteLine($"  an item from the command line         syndicator status {first} --server {service} --api-key {key}");
    }

    private async Task<List<JsonElement>> ReadAsync(CancellationToken cancellationToken)
    {
        _latest.Clear();
        foreach (var id in ItemIds)
        {
            var answer = await client.GetAsync($"/api/items/{Uri.EscapeDataString(id)}", cancellationToken);
            _latest.AddRange(answer.Body!.Value.GetProperty("deliveries").EnumerateArray()
                .Where(d => d.GetProperty("status").GetString() != "superseded"));
        }

        return _latest;
    }

    private void PrintChanges(List<JsonElement> deliveries)
    {
        foreach (var d in deliveries)
        {
            var id = d.GetProperty("id").GetString()!;
            var status = d.GetProperty("status").GetString()!;
            if (_seen.TryGetValue(id, out var before) && before == status)
            {
                continue;
            }

            _seen[id] = status;
            var colour = status switch { "succeeded" => "green", "failed" or "unconfirmed" => "red", _ => "yellow" };
            var where = status == "succeeded" ? Str(d, "url") : Str(d, "lastError");
            Say.Line(
                $"[blue]{Str(d, "channel"),-9}[/] {Str(d, "itemId")} r{Str(d, "revision")} {Str(d, "operation")} → [{colour}]{status}[/] {where}");
        }
    }

    private static bool PrintSummary(List<JsonElement> deliveries)
    {
        foreach (var channel in deliveries.GroupBy(d => d.GetProperty("channel").GetString()))
        {
            var done = channel.Count(d => d.GetProperty("status").GetString() is "succeeded" or "handoff");
            Say.Line($"[bold]{channel.Key}[/]: {done}/{channel.Count()} delivered");
        }

        return deliveries.All(d => d.GetProperty("status").GetString() is "succeeded" or "handoff");
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
}
