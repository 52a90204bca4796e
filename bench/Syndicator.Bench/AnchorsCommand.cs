using System.CommandLine;
using Syndicator.Bench.Anchors;

namespace Syndicator.Bench;

/// <summary><c>anchors [--items 2000] [--paced-items 200] [--paced-rate 10] [--lane-concurrency 8] [--timeout 600]</c>.</summary>
internal static class AnchorsCommand
{
    public static Command Create()
    {
        var items = BenchCommands.Positive("--items", 2000, "Items for the 0 ms and 20 ms runs (each to four webhook channels).");
        var pacedItems = BenchCommands.Positive("--paced-items", 200, "Items for the paced run.");
        var pacedRate = BenchCommands.Positive("--paced-rate", 10, "Items per second offered in the paced run.");
        var lanes = BenchCommands.Positive("--lane-concurrency", 8, "Every channel's MaxConcurrency; the limit and the submitters get four times this in flight.");
        var timeout = BenchCommands.Positive("--timeout", 600, "Seconds each run may take to reach every endpoint.");
        var command = new Command("anchors", "The anchors' workload: N items × 4 webhook channels against a loopback stub, with the raw limit in the same run.")
        {
            items, pacedItems, pacedRate, lanes, timeout,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var table = await RunAsync(Settings(result, items, pacedItems, pacedRate, lanes, timeout), Console.Out, Console.Error, cancellationToken);
            return table.Exactly ? 0 : 1;
        });
        return command;
    }

    public static AnchorsSettings Settings(
        ParseResult result, Option<int> items, Option<int> pacedItems, Option<int> pacedRate, Option<int> lanes, Option<int> timeout) =>
        new(result.GetValue(items), result.GetValue(pacedItems), result.GetValue(pacedRate), result.GetValue(lanes),
            TimeSpan.FromSeconds(result.GetValue(timeout)));

    /// <summary>Runs the workload, prints its figures and its target table; returns the table and whether every run was exactly once.</summary>
    public static async Task<(TargetTable Table, bool Exactly)> RunAsync(
        AnchorsSettings settings, TextWriter output, TextWriter log, CancellationToken cancellationToken)
    {
        var figures = await AnchorsScenario.RunAsync(settings, log, cancellationToken);
        output.WriteLine();
        output.WriteLine(RunFigures.Header);
        foreach (var figure in figures)
        {
            output.WriteLine(figure.Row());
        }

        var table = AnchorsTable.From(figures);
        table.Print(output);
        return (table, figures.All(f => f.ExactlyOnce == "yes"));
    }
}
