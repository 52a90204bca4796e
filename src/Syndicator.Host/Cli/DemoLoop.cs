using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Reports;

namespace Syndicator.Host.Cli;

/// <summary>
/// What the demo adds to close the loop (docs/events.md, docs/channels/noticeboard.md): the bureau's notice board
/// (信息公开栏) as a channel every sample is routed to, whose notices the demo writes out as PDFs and — playing the
/// clerk who prints and posts them — confirms posted; and the office system's stand-in (the sandbox's event receiver,
/// subscription <c>office</c>), which must hold one verified <c>item.live</c> per sample with every URL.
/// </summary>
internal static class DemoLoop
{
    public const string Board = "board";

    /// <summary>The settings that add the board to the default profile and turn the office subscription on.</summary>
    public static Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Events:Subscriptions:office:Enabled"] = "true",
            [$"Channels:{Board}:Connector"] = "noticeboard",
            [$"Channels:{Board}:DisplayName"] = "信息公开栏",
            [$"Channels:{Board}:Organisation"] = "桐乡市水利局",
        };

        // Every category's route gains the board, after the channels it has (appsettings.json is the default profile).
        var profile = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).Build();
        foreach (var category in profile.GetSection("Routing:Categories").GetChildren())
        {
            settings[$"Routing:Categories:{category.Key}:{category.GetChildren().Count()}"] = Board;
        }

        settings[$"Routing:Default:{profile.GetSection("Routing:Default").GetChildren().Count()}"] = Board;
        return settings;
    }

    /// <summary>
    /// Writes each board notice waiting in hand-off to <paramref name="folder"/> as <c>ITEM.pdf</c> and confirms it
    /// posted today; false when one could not be fetched or confirmed.
    /// </summary>
    public static async Task<bool> PostNoticesAsync(ApiClient client, IReadOnlyList<string> items, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        folder.Create();
        var today = TimeProvider.System.GetUtcNow().ToOffset(AnnualReporter.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var ok = true;
        foreach (var id in items)
        {
            var item = await client.GetAsync($"/api/items/{Uri.EscapeDataString(id)}", cancellationToken);
            var waiting = item.Body!.Value.GetProperty("deliveries").EnumerateArray()
                .Where(d => d.GetProperty("channel").GetString() == Board && d.GetProperty("status").GetString() == "handoff");
            foreach (var delivery in waiting)
            {
                var deliveryId = delivery.GetProperty("id").GetString()!;
                var package = await client.GetAsync($"/api/deliveries/{deliveryId}/package", cancellationToken);
                var pdf = package.IsSuccess && package.Body!.Value.TryGetProperty("files", out var files)
                    ? files.EnumerateArray().FirstOrDefault(f => f.GetProperty("name").GetString() == "notice.pdf")
                    : default;
                if (pdf.ValueKind != JsonValueKind.Object)
                {
                    Say.Line($"[red]{Board}: no notice.pdf in the package of {deliveryId}[/]");
                    ok = false;
                    continue;
                }

                var path = Path.Combine(folder.FullName, $"{id}.pdf");
                await File.WriteAllBytesAsync(path, Convert.FromBase64String(pdf.GetProperty("contentBase64").GetString()!), cancellationToken);
                var confirm = await client.PostAsync($"/api/deliveries/{deliveryId}/confirm", new { postedOn = today }, cancellationToken);
                ok &= confirm.IsSuccess;
                Say.Line(confirm.IsSuccess
                    ? (FormattableString)$"[blue]{Board,-9}[/] {id} notice printed to {path}; the clerk confirms it posted on {today} → [green]succeeded[/]"
                    : $"[red]{Board}: confirming {deliveryId} was refused: {string.Join("; ", confirm.ProblemLines())}[/]");
            }
        }

        return ok;
    }

    /// <summary>
    /// Waits until the office system's stand-in holds an <c>item.live</c> for every item, then checks each is verified,
    /// received once, and carries every URL the service recorded; prints one line per item.
    /// </summary>
    public static async Task<bool> VerifyOfficeAsync(ApiClient client, Uri sandbox, IReadOnlyList<string> items, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = sandbox };
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        List<JsonElement> received;
        while (true)
        {
            received = [.. (await http.GetFromJsonAsync<JsonElement>("/_sandbox/events", cancellationToken)).EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "item.live")];
            if (items.All(id => received.Any(e => ItemOf(e) == id)) || TimeProvider.System.GetUtcNow() > deadline)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TimeProvider.System, cancellationToken);
        }

        var ok = true;
        foreach (var id in items)
        {
            var live = received.Where(e => ItemOf(e) == id).ToList();
            if (live.Count != 1 || !live[0].GetProperty("verified").GetBoolean())
            {
                Say.Line($"[red]office system: {live.Count} item.live for {id}{(live.Count == 1 ? " (signature not verified)" : "")}[/]");
                ok = false;
                continue;
            }

            var channels = live[0].GetProperty("payload").GetProperty("data").GetProperty("channels").EnumerateArray()
                .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("url").GetString());
            var item = await client.GetAsync($"/api/items/{Uri.EscapeDataString(id)}", cancellationToken);
            var recorded = item.Body!.Value.GetProperty("deliveries").EnumerateArray()
                .Where(d => d.GetProperty("status").GetString() == "succeeded")
                .ToDictionary(d => d.GetProperty("channel").GetString()!, d => d.GetProperty("url").GetString());
            var same = recorded.Count == channels.Count && recorded.All(r => channels.TryGetValue(r.Key, out var url) && url == r.Value);
            ok &= same;
            // Short lines: a console that is not a terminal wraps at 80 columns.
            Say.Line(same
                ? (FormattableString)$"[green]office system: item.live {id} verified, {channels.Count} URLs[/]"
                : $"[red]office system: item.live {id} names {string.Join(", ", channels.Keys)}; recorded: {string.Join(", ", recorded.Keys)}[/]");
            Say.Line($"  webhook-id {live[0].GetProperty("id").GetString()}");
        }

        return ok;
    }

    private static string? ItemOf(JsonElement received) =>
        received.GetProperty("payload").GetProperty("data").GetProperty("itemId").GetString();
}
