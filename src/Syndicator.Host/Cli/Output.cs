using System.Text.Json;
using Spectre.Console;

namespace Syndicator.Host.Cli;

/// <summary>How the client verbs print answers: tables on standard output, problems on standard error.</summary>
internal static class Output
{
    public static async Task<int> ItemAsync(ApiAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            return await ProblemAsync(answer);
        }

        var item = answer.Body!.Value;
        Say.Line($"[bold]{Str(item, "id")}[/] r{Num(item, "revision")} {Str(item, "title")} — {Str(item, "status")}");
        var table = new Table().AddColumns("delivery", "channel", "rev", "operation", "status", "attempts", "url / last error");
        foreach (var d in item.GetProperty("deliveries").EnumerateArray())
        {
            table.AddRow(
                Markup.Escape(Str(d, "id")), Markup.Escape(Str(d, "channel")), Num(d, "revision"), Markup.Escape(Str(d, "operation")),
                Markup.Escape(Str(d, "status")), Num(d, "attempts"), Markup.Escape(Str(d, "url") is { Length: > 0 } u ? u : Str(d, "lastError")));
        }

        AnsiConsole.Write(table);
        return SyndicatorCli.Success;
    }

    public static async Task<int> RetryAsync(ApiAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            return await ProblemAsync(answer);
        }

        var body = answer.Body!.Value;
        var dry = body.GetProperty("dryRun").GetBoolean();
        Say.Line($"{(dry ? "Would retry" : "Retrying")} {Num(body, "count")} deliveries.");
        foreach (var d in body.GetProperty("deliveries").EnumerateArray())
        {
            Say.Line($"  {Str(d, "id")} {Str(d, "itemId")} {Str(d, "channel")} r{Num(d, "revision")} {Str(d, "status")}: {Str(d, "lastError")}");
        }

        return SyndicatorCli.Success;
    }

    public static async Task<int> ChannelsAsync(ApiAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            return await ProblemAsync(answer);
        }

        var table = new Table().AddColumns("channel", "name", "connector", "enabled", "health", "pending", "failed", "last success");
        foreach (var c in answer.Body!.Value.EnumerateArray())
        {
            var health = c.GetProperty("health");
            table.AddRow(
                Markup.Escape(Str(c, "id")), Markup.Escape(Str(c, "displayName")), Markup.Escape(Str(c, "connector")),
                c.GetProperty("enabled").GetBoolean() ? "yes" : "no", Markup.Escape($"{Str(health, "status")} {Str(health, "detail")}"),
                Num(c, "pending"), Num(c, "failed"), Markup.Escape(Str(c, "lastSuccessAt")));
        }

        AnsiConsole.Write(table);
        return SyndicatorCli.Success;
    }

    public static async Task<int> CheckAsync(string channel, ApiAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            return await ProblemAsync(answer);
        }

        var health = answer.Body!.Value;
        var status = Str(health, "status");
        Say.Line($"{channel}: {status} in {Num(health, "latencyMs")} ms — {Str(health, "detail")}");
        return status == "healthy" ? SyndicatorCli.Success : SyndicatorCli.WorkFailed;
    }

    public static async Task<int> ProblemAsync(ApiAnswer answer)
    {
        foreach (var line in answer.ProblemLines())
        {
            await Console.Error.WriteLineAsync(line);
        }

        return SyndicatorCli.WorkFailed;
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";

    private static string Num(JsonElement e, string name) => Str(e, name);
}
