using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Syndicator.Host.Cli;

/// <summary>
/// <c>events list [--failed] [--subscription S] [--item ID] [--limit N]</c> and <c>events replay --since T
/// [--subscription S]</c>: clients of a running service's <c>/api/events</c> (docs/events.md).
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var command = new Command("events", "The events sent to subscriptions (the office system): list them, send them again.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Replay());
        return command;
    }

    private static Command List()
    {
        var failed = new Option<bool>("--failed") { Description = "Only the events a subscription failed to receive." };
        var subscription = new Option<string?>("--subscription") { Description = "Only this subscription." };
        var item = new Option<string?>("--item") { Description = "Only events about this item." };
        var limit = new Option<int>("--limit") { Description = "How many, newest first (1–500).", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List the newest events as each subscription received them.") { failed, subscription, item, limit };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            var query = $"/api/events?failed={(result.GetValue(failed) ? "true" : "false")}&limit={result.GetValue(limit).ToString(CultureInfo.InvariantCulture)}";
            if (result.GetValue(subscription) is { } s)
            {
                query += "&subscription=" + Uri.EscapeDataString(s);
            }

            if (result.GetValue(item) is { } i)
            {
                query += "&itemId=" + Uri.EscapeDataString(i);
            }

            var answer = await client.GetAsync(query, ct);
            if (!answer.IsSuccess)
            {
                return await Output.ProblemAsync(answer);
            }

            var rows = answer.Body!.Value.EnumerateArray().ToList();
            Say.Line($"{rows.Count} events{(result.GetValue(failed) ? " failed" : "")}.");
            foreach (var e in rows)
            {
                // Two short lines per event: a console that is not a terminal wraps at 80 columns.
                Say.Line($"{Text(e, "occurredAt")} {Text(e, "type")} {Text(e, "itemId")} {Text(e, "channel") ?? ""}");
                Say.Line($"  {Text(e, "id")} → {Text(e, "subscription")}: {Text(e, "status")}, {e.GetProperty("attempts").GetInt32()} tries");
                if (Text(e, "lastError") is { } why)
                {
                    Say.Line($"  {Text(e, "lastCode") ?? ""} {why}");
                }
            }

            return SyndicatorCli.Success;
        });
    }

    private static Command Replay()
    {
        var since = new Option<DateTimeOffset>("--since") { Description = "Every event from this moment (ISO 8601, e.g. 2026-12-01T00:00:00+08:00).", Required = true };
        var subscription = new Option<string?>("--subscription") { Description = "Only to this subscription; default every one." };
        var command = new Command("replay", "Send events again, under their own ids (receivers de-duplicate them).") { since, subscription };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            var answer = await client.PostAsync("/api/events/replay", new { since = result.GetValue(since), subscription = result.GetValue(subscription) }, ct);
            if (!answer.IsSuccess)
            {
                return await Output.ProblemAsync(answer);
            }

            var body = answer.Body!.Value;
            Say.Line($"Queued {body.GetProperty("queued").GetInt32()} events again.");
            foreach (var s in body.GetProperty("subscriptions").EnumerateObject())
            {
                Say.Line($"  {s.Name}: {s.Value.GetInt32()}");
            }

            return SyndicatorCli.Success;
        });
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
}
