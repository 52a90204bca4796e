using System.CommandLine;
using System.Text;
using System.Text.Json;
using Spectre.Console;

namespace Syndicator.Host.Cli;

/// <summary><c>report annual --year Y [--csv] [--out FILE]</c>: the annual figures of a running service.</summary>
internal static class ReportCommands
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "The year (China time).", Required = true };
        var csv = new Option<bool>("--csv") { Description = "CSV (UTF-8 with BOM, for Excel) instead of a table." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var annual = new Command("annual", "Items published in a year, per channel and category, with the report's sentence.") { year, csv, output };
        ClientOptions.Wire(annual, async (result, client, ct) =>
        {
            var asCsv = result.GetValue(csv);
            var answer = await client.GetAsync(
                $"/api/reports/annual?year={result.GetValue(year)}{(asCsv ? "&format=csv" : "")}", ct);
            if (!answer.IsSuccess)
            {
                return await Output.ProblemAsync(answer);
            }

            var text = asCsv ? answer.Text.TrimStart('\uFEFF') : JsonSerializer.Serialize(answer.Body, ApiClient.Json);
            if (result.GetValue(output) is { } file)
            {
                // A CSV file keeps its byte-order mark, so that Excel reads the Chinese as UTF-8.
                await File.WriteAllTextAsync(file.FullName, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: asCsv), ct);
                Say.Line($"Written to {file.FullName}");
            }
            else if (asCsv)
            {
                Console.Out.Write(text);
            }
            else
            {
                Print(answer.Body!.Value);
            }

            return SyndicatorCli.Success;
        });
        return new Command("report", "Reports from the ledger.") { annual };
    }

    private static void Print(JsonElement figures)
    {
        foreach (var channel in figures.GetProperty("channels").EnumerateArray())
        {
            var table = new Table().AddColumns("category", "items");
            table.Title = new TableTitle(Markup.Escape($"{channel.GetProperty("channel").GetString()} {channel.GetProperty("displayName").GetString()}"));
            foreach (var category in channel.GetProperty("categories").EnumerateArray())
            {
                table.AddRow(Markup.Escape(category.GetProperty("category").GetString() ?? ""), category.GetProperty("count").ToString());
            }

            table.AddRow("[bold]合计[/]", channel.GetProperty("total").ToString());
            AnsiConsole.Write(table);
            Console.Out.WriteLine(channel.GetProperty("sentence").GetString());
        }
    }
}
