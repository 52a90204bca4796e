using System.CommandLine;
using System.Globalization;
using Syndicator.Bench.Anchors;
using Syndicator.Bench.Service;

namespace Syndicator.Bench;

/// <summary>
/// <c>suite [--quick]</c>: the anchors' workload, the real connectors and the backlog in one run, then the three target
/// tables with the date, the cores and the load average before and after each part (what <c>bench/run.sh</c> runs).
/// </summary>
internal static class SuiteCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "A few minutes' version: 300 items, 100 paced, a 10,000-item backlog." };
        var backlogTimeout = BenchCommands.Positive("--backlog-timeout", 600, "Seconds the backlog's accepting may take before it is reported as reached so far.");
        var command = new Command("suite", "Anchors' workload, real connectors and backlog; prints the three tables against the targets.") { quick, backlogTimeout };
        command.SetAction(async (result, cancellationToken) =>
        {
            var small = result.GetValue(quick);
            var items = small ? 300 : 2000;
            var loads = new List<string> { $"before: {Load()}" };
            var output = Console.Out;
            var log = Console.Error;
            var started = TimeProvider.System.GetUtcNow();

            log.WriteLine("== anchors' workload");
            var (anchors, anchorsOnce) = await PartAsync("Anchors' workload", () => AnchorsCommand.RunAsync(
                new AnchorsSettings(items, small ? 100 : 200, 10, 8, TimeSpan.FromSeconds(600)), log, log, cancellationToken), log);
            loads.Add($"after the anchors' workload: {Load()}");

            log.WriteLine("== real connectors");
            var (connectors, connectorsOnce) = await PartAsync("Real connectors", () => CompareRun.RunAsync(
                new CompareSettings(items, 8, small ? 50 : 100, 10, TimeSpan.FromSeconds(600)), log, log, cancellationToken), log);
            loads.Add($"after the real connectors: {Load()}");

            log.WriteLine("== backlog");
            var (backlog, _) = await PartAsync("Backlog", async () => (BacklogScenario.Table(await BacklogScenario.RunAsync(
                small ? 10_000 : 100_000, 32, TimeSpan.FromSeconds(result.GetValue(backlogTimeout)), log, cancellationToken)), true), log);
            loads.Add($"after the backlog: {Load()}");

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"## Benchmark{(small ? " (--quick)" : "")}, {started:yyyy-MM-dd HH:mm}Z, {Environment.ProcessorCount} cores, {(TimeProvider.System.GetUtcNow() - started).TotalMinutes:0.0} min"));
            output.WriteLine();
            output.WriteLine("Load average (1, 5, 15 min) " + string.Join("; ", loads) + ".");
            foreach (var table in new[] { anchors, connectors, backlog })
            {
                table.Print(output);
            }

            // 3: a part stopped (its table says why); 1: a run was not exactly once; targets missed are in the tables, not the code.
            return anchors.Stopped || connectors.Stopped || backlog.Stopped ? 3 : anchorsOnce && connectorsOnce ? 0 : 1;
        });
        return command;
    }

    /// <summary>Runs one part; a part that stops (a wait past its deadline, a failure) becomes a table saying so, and the next part still runs.</summary>
    private static async Task<(TargetTable Table, bool Exactly)> PartAsync(
        string title, Func<Task<(TargetTable, bool)>> part, TextWriter log)
    {
        try
        {
            return await part();
        }
        catch (Exception ex) when (ex is BenchTimeoutException or InvalidOperationException or HttpRequestException or IOException)
        {
            log.WriteLine($"bench: {title} stopped: {ex.Message}");
            var firstLine = ex.Message.Split('\n')[0];
            return (new TargetTable(title) { Stopped = true }.Add("run", $"stopped: {firstLine.Replace('|', '/')}", "finishes", false), false);
        }
    }

    private static string Load()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "unknown";
    }
}
