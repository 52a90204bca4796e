using System.CommandLine;
using System.Text.Json;

namespace Syndicator.Host.Cli;

/// <summary>
/// <c>confirm DELIVERY --url URL</c> completes a site's hand-off with the live address;
/// <c>confirm DELIVERY --posted-on DATE [--photo FILE]</c> and <c>confirm DELIVERY --taken-down-on DATE [--photo FILE]</c>
/// complete a notice board's posting and take-down. Exactly one of the three is given; the service checks the rest.
/// </summary>
internal static class ConfirmCommand
{
    /// <summary>The largest photo read from disk; the channel's own limit (at most 20 MiB) is the service's to check.</summary>
    private const long MaxPhotoFile = 20 * 1024 * 1024;

    public static Command Create()
    {
        var id = new Argument<string>("DELIVERY") { Description = "The hand-off delivery's id (see `status ITEM`)." };
        var url = new Option<string?>("--url") { Description = "A site: where the item is live now (absolute http(s) URL)." };
        var postedOn = new Option<string?>("--posted-on") { Description = "A notice board: the day the notice went up (yyyy-MM-dd, China)." };
        var takenDownOn = new Option<string?>("--taken-down-on") { Description = "A notice board: the day the notice came down (yyyy-MM-dd, China)." };
        var photo = new Option<FileInfo?>("--photo") { Description = "A notice board: a photo of the board (.jpg, .jpeg or .png), optional." };
        var command = new Command("confirm", "Complete a hand-off delivery: a site's URL, or a notice board's posting or take-down day.")
        {
            id, url, postedOn, takenDownOn, photo,
        };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            var given = new[] { result.GetValue(url), result.GetValue(postedOn), result.GetValue(takenDownOn) }.Count(v => v is not null);
            if (given != 1)
            {
                await Console.Error.WriteLineAsync("confirm needs exactly one of --url URL (a site), --posted-on DATE or --taken-down-on DATE (a notice board). Nothing was confirmed.");
                return SyndicatorCli.BadUsage;
            }

            var (upload, problem) = await ReadPhotoAsync(result.GetValue(photo), ct);
            if (problem is not null)
            {
                await Console.Error.WriteLineAsync(problem + " Nothing was confirmed.");
                return SyndicatorCli.BadUsage;
            }

            var body = new { url = result.GetValue(url), postedOn = result.GetValue(postedOn), takenDownOn = result.GetValue(takenDownOn), photo = upload };
            var answer = await client.PostAsync($"/api/deliveries/{Uri.EscapeDataString(result.GetValue(id)!)}/confirm", body, ct);
            if (!answer.IsSuccess)
            {
                return await Output.ProblemAsync(answer);
            }

            var delivery = answer.Body!.Value;
            var what = result.GetValue(postedOn) is { } p ? $"posted on {p}" : result.GetValue(takenDownOn) is { } t ? $"taken down on {t}" : $"at {Str(delivery, "url")}";
            var withPhoto = upload is null ? "" : $" (photo {upload.FileName})";
            Say.Line($"{Str(delivery, "id")} {Str(delivery, "channel")} → {Str(delivery, "status")}, {what}{withPhoto}");
            return SyndicatorCli.Success;
        });
    }

    private static async Task<(PhotoBody? Photo, string? Problem)> ReadPhotoAsync(FileInfo? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return (null, null);
        }

        var type = file.Extension.ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            _ => null,
        };
        if (!file.Exists || type is null)
        {
            return (null, $"--photo {file.FullName}: {(file.Exists ? "must be a .jpg, .jpeg or .png file" : "does not exist")}.");
        }

        return file.Length > MaxPhotoFile
            ? (null, $"--photo {file.FullName} is {file.Length} bytes; a photo may be at most {MaxPhotoFile} bytes (and the channel's MaxPhotoBytes).")
            : (new PhotoBody(file.Name, type, await File.ReadAllBytesAsync(file.FullName, cancellationToken)), null);
    }

    private static string Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    /// <summary>The photo as the API takes it: the bytes go out as base64.</summary>
    private sealed record PhotoBody(string FileName, string ContentType, byte[] Data);
}
