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

    /// <summary>The go-live report: each step with its calls, then the verdict; exit 0 only when it passed.</summary>
    public static async Task<int> GoLiveAsync(ApiAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            return await ProblemAsync(answer);
        }

        var report = answer.Body!.Value;
        Say.Line($"上线检查 go-live probe: channel {Str(report, "channel")} ({Str(report, "connector")}), test column {Str(report, "column")}, test item {Str(report, "itemId")}");
        foreach (var step in report.GetProperty("steps").EnumerateArray())
        {
            Say.Line($"{Mark(Str(step, "result")),-2} {Str(step, "name"),-17} {Str(step, "result"),-8} {Num(step, "durationMs"),6} ms  {Str(step, "detail")}");
            foreach (var call in step.GetProperty("calls").EnumerateArray())
            {
                var status = Str(call, "status");
                Say.Line($"     {Str(call, "at")}  {Str(call, "method")} {Str(call, "url")} → {(status.Length == 0 ? "no answer" : status)} ({Num(call, "durationMs")} ms)");
                if (Str(call, "sent") is { Length: > 0 } sent)
                {
                    Say.Line($"       sent:   {sent}");
                }

                Say.Line($"       answer: {Str(call, "answer")}");
            }
        }

        var passed = report.GetProperty("passed").GetBoolean();
        if (Str(report, "stillLive") is { Length: > 0 } live)
        {
            await Console.Error.WriteLineAsync($"The test article could not be withdrawn and is still live: {live}. Remove it in the platform's back office.");
        }

        Say.Line($"{(passed ? "Verdict: passed — the channel can go live." : "Verdict: FAILED — see the failed step above.")}");
        return passed ? SyndicatorCli.Success : SyndicatorCli.WorkFailed;
    }

    private static string Mark(string result) => result switch
    {
        "passed" => "✔",
        "failed" => "✘",
        _ => "·",
    };

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
