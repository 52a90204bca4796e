using System.CommandLine;
using Syndicator.Bench.Baseline;
using System.Globalization;
using Syndicator.Bench.Service;

namespace Syndicator.Bench;

/// <summary>
/// <c>baseline [--items N] [--in-flight N]</c>, <c>syndicator [--items N] [--postgres] [--nodes 1|3] …</c> and
/// <c>all</c>, which runs the baseline and the three service set-ups and prints one table.
/// </summary>
internal static class BenchCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Syndicator's load harness: the HttpClient ceiling and the real service end to end.");
        root.Subcommands.Add(Baseline());
        root.Subcommands.Add(Service());
        root.Subcommands.Add(All());
        root.Subcommands.Add(Compare());
        root.Subcommands.Add(Backlog());
        root.Subcommands.Add(AnchorsCommand.Create());
        root.Subcommands.Add(SuiteCommand.Create());
        return root;
    }

    public static Option<int> Positive(string name, int defaultValue, string description)
    {
        var option = new Option<int>(name) { DefaultValueFactory = _ => defaultValue, Description = $"{description} Default {defaultValue}." };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1_000_000)
            {
                r.AddError($"{name} must be from 1 to 1000000; got {r.GetValueOrDefault<int>()}.");
            }
        });
        return option;
    }

    private static Command Baseline()
    {
        var items = Positive("--items", 2000, "Items, each POSTed to four loopback endpoints.");
        var inFlight = Positive("--in-flight", 32, "Requests in flight.");
        var command = new Command("baseline", "Plain HttpClient fan-out to four endpoints that answer at once; nothing stored.") { items, inFlight };
        command.SetAction(async (result, cancellationToken) =>
        {
            var outcome = await BaselineScenario.RunAsync(result.GetValue(items), result.GetValue(inFlight), cancellationToken);
            outcome.Print(Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Service()
    {
        var items = Positive("--items", 500, "Items, each routed to all four channels.");
        var postgres = new Option<bool>("--postgres") { Description = "Store in a throwaway PostgreSQL cluster instead of SQLite." };
        var nodes = new Option<int>("--nodes") { DefaultValueFactory = _ => 1, Description = "serve processes: 1, or 3 (PostgreSQL only). Default 1." };
        nodes.AcceptOnlyFromAmong("1", "3");
        var submitters = Positive("--submitters", 32, "Submissions in flight.");
        var lanes = new Option<int?>("--lane-concurrency") { Description = "Set every channel's MaxConcurrency (default: as shipped)." };
        lanes.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 256)
            {
                r.AddError($"--lane-concurrency must be from 1 to 256; got {r.GetValueOrDefault<int?>()}.");
            }
        });
        var logLevel = new Option<string>("--log-level") { DefaultValueFactory = _ => "Warning", Description = "The service's default log level. Default Warning." };
        logLevel.AcceptOnlyFromAmong("Trace", "Debug", "Information", "Warning", "Error");
        var timeout = Positive("--timeout", 600, "Seconds to wait for every item to be delivered.");
        var command = new Command("syndicator", "The real service end to end against the sandbox.")
        {
            items, postgres, nodes, submitters, lanes, logLevel, timeout,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(nodes) > 1 && !r.GetValue(postgres))
            {
                r.AddError("--nodes 3 needs --postgres: SQLite serves one process.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var outcome = await SyndicatorScenario.RunAsync(new ServiceSettings
            {
                Items = result.GetValue(items),
                Postgres = result.GetValue(postgres),
                Nodes = result.GetValue(nodes),
                Submitters = result.GetValue(submitters),
                LaneConcurrency = result.GetValue(lanes),
                LogLevel = result.GetValue(logLevel)!,
                Timeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
            }, Console.Error, cancellationToken);
            outcome.Print(Console.Out);
            return outcome.ExactlyOnce == "yes" ? 0 : 1;
        });
        return command;
    }

    private static Command All()
    {
        var baselineItems = Positive("--baseline-items", 2000, "Items for the baseline.");
        var items = Positive("--items", 500, "Items for each service scenario.");
        var command = new Command("all", "Baseline, then the service on SQLite, on PostgreSQL, and as three nodes on PostgreSQL.")
        {
            baselineItems, items,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var n = result.GetValue(items);
            var results = new List<BenchResult> { await BaselineScenario.RunAsync(result.GetValue(baselineItems), 32, cancellationToken) };
            foreach (var settings in new[]
            {
                new ServiceSettings { Items = n },
                new ServiceSettings { Items = n, Postgres = true },
                new ServiceSettings { Items = n, Postgres = true, Nodes = 3 },
            })
            {
                var outcome = await SyndicatorScenario.RunAsync(settings, Console.Error, cancellationToken);
                outcome.Print(Console.Error);
                results.Add(outcome);
            }

            Console.WriteLine(BenchResult.Header);
            results.ForEach(r => Console.WriteLine(r.Row()));
            foreach (var r in results)
            {
                Console.WriteLine();
                Console.WriteLine(r.Scenario + ":");
                r.Notes.ToList().ForEach(note => Console.WriteLine("  - " + note));
            }

            return results.All(r => r.ExactlyOnce == "yes") ? 0 : 1;
        });
        return command;
    }

    private static Command Compare()
    {
        var items = Positive("--items", 2000, "Items for the throughput runs.");
        var lanes = Positive("--lane-concurrency", 8, "Every channel's MaxConcurrency; the limit gets four times this in flight.");
        var offeredItems = Positive("--offered-items", 100, "Items for the offered-load runs.");
        var offeredRate = Positive("--offered-rate", 10, "Items per second offered in the offered-load runs.");
        var timeout = Positive("--timeout", 600, "Seconds each run's deliveries may take (a stall of two minutes ends it sooner).");
        var command = new Command("compare", "The issue's benchmark: the service against the raw limit at 0 ms and 20 ms, and at an offered rate.")
        {
            items, lanes, offeredItems, offeredRate, timeout,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (table, exactly) = await CompareRun.RunAsync(Settings(result, items, lanes, offeredItems, offeredRate, timeout), Console.Out, Console.Error, cancellationToken);
            return table.Stopped ? 3 : exactly ? 0 : 1;
        });
        return command;
    }

    private static CompareSettings Settings(
        ParseResult result, Option<int> items, Option<int> lanes, Option<int> offeredItems, Option<int> offeredRate, Option<int> timeout) =>
        new(result.GetValue(items), result.GetValue(lanes), result.GetValue(offeredItems), result.GetValue(offeredRate),
            TimeSpan.FromSeconds(result.GetValue(timeout)));

    private static Command Backlog()
    {
        var items = Positive("--items", 100_000, "Items accepted while the dispatcher is off.");
        var submitters = Positive("--submitters", 32, "Submissions in flight.");
        var timeout = Positive("--timeout", 900, "Seconds the accepting may take; past it the figures reached so far are reported as a miss.");
        var command = new Command("backlog", "Intake and resident memory with a growing backlog (dispatcher off).") { items, submitters, timeout };
        command.SetAction(async (result, cancellationToken) =>
        {
            var figures = await BacklogScenario.RunAsync(
                result.GetValue(items), result.GetValue(submitters), TimeSpan.FromSeconds(result.GetValue(timeout)), Console.Error, cancellationToken);
            BacklogScenario.Table(figures).Print(Console.Out);
            return 0;
        });
        return command;
    }

}
