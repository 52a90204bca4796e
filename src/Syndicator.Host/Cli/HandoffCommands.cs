using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Syndicator.Host.Cli;

/// <summary>
/// The hand-off verbs: <c>package DELIVERY [--out DIR]</c> shows (or writes out) what to paste for a hand-off delivery,
/// <c>confirm DELIVERY …</c> (<see cref="ConfirmCommand"/>) completes it.
/// </summary>
internal static class HandoffCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Package();
        yield return ConfirmCommand.Create();
    }

    private static Command Package()
    {
        var id = new Argument<string>("DELIVERY") { Description = "The hand-off delivery's id (see `status ITEM`)." };
        var output = new Option<DirectoryInfo?>("--out")
        {
            Description = "Write the package as files: index.html, body.txt, metadata.txt, the channel's documents (e.g. notice.pdf), images/ and attachments/.",
        };
        var command = new Command("package", "Show what to paste for a hand-off delivery.") { id, output };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            var answer = await client.GetAsync($"/api/deliveries/{Uri.EscapeDataString(result.GetValue(id)!)}/package", ct);
            if (!answer.IsSuccess)
            {
                return await Output.ProblemAsync(answer);
            }

            var package = answer.Body!.Value;
            Print(package);
            if (result.GetValue(output) is { } folder)
            {
                await WriteAsync(package, folder, ct);
                Say.Line($"Package written to {folder.FullName}");
            }

            return SyndicatorCli.Success;
        });
    }

    private static void Print(JsonElement package)
    {
        // Interpolated holes are escaped by Say.Line.
        Say.Line($"[bold]{Str(package, "title")}[/] — {Str(package, "channel")} {Str(package, "operation")} ({Str(package, "status")})");
        Say.Line($"{Str(package, "instructions")}");
        var table = new Table().AddColumns("字段 field", "值 value");
        foreach (var field in package.GetProperty("metadata").EnumerateArray())
        {
            table.AddRow(Markup.Escape(Str(field, "name")), Markup.Escape(Str(field, "value")));
        }

        AnsiConsole.Write(table);
        Console.WriteLine(Str(package, "text"));
        foreach (var file in package.GetProperty("attachments").EnumerateArray())
        {
            Say.Line($"附件 attachment: {Str(file, "name")} ({Str(file, "mediaType")})");
        }

        foreach (var file in Files(package))
        {
            Say.Line($"文件 document: {Str(file, "name")} ({Str(file, "mediaType")})");
        }
    }

    private static async Task WriteAsync(JsonElement package, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        folder.Create();
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "index.html"), Str(package, "html"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "body.txt"), Str(package, "text"), cancellationToken);
        var metadata = package.GetProperty("metadata").EnumerateArray().Select(f => $"{Str(f, "name")}\t{Str(f, "value")}");
        await File.WriteAllLinesAsync(Path.Combine(folder.FullName, "metadata.txt"), metadata, cancellationToken);
        foreach (var file in Files(package))
        {
            // Named by the channel, but read from the wire: only the last segment is used.
            await File.WriteAllBytesAsync(Path.Combine(folder.FullName, Path.GetFileName(Str(file, "name"))), Convert.FromBase64String(Str(file, "contentBase64")), cancellationToken);
        }

        foreach (var kind in new[] { "images", "attachments" })
        {
            foreach (var file in package.GetProperty(kind).EnumerateArray())
            {
                var directory = Directory.CreateDirectory(Path.Combine(folder.FullName, kind));

                // The file name came over the wire: only its last segment is used, so it cannot leave the folder.
                var name = Path.GetFileName(Str(file, "name"));
                await File.WriteAllBytesAsync(Path.Combine(directory.FullName, name), Convert.FromBase64String(Str(file, "contentBase64")), cancellationToken);
            }
        }
    }

    private static JsonElement[] Files(JsonElement package) =>
        package.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array ? [.. files.EnumerateArray()] : [];

    private static string Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
