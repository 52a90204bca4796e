using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.Cli;

namespace Syndicator.Host.Tests;

/// <summary>
/// A notice board's hand-offs completed as an operator does: posted on a day with a photo, taken down after a withdraw,
/// through the API and the CLI; every bad input refused naming its field, with nothing changed.
/// </summary>
public sealed class NoticeBoardConfirmTests : IAsyncLifetime
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Channels:approval:Connector"] = "noticeboard",
        ["Channels:approval:MaxPhotoBytes"] = "65536",

        // No name of its own: the annual sentence names the board as the bureau's reports do.
        ["Channels:approval:DisplayName"] = "",
    });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Confirm_PostedOnWithPhoto_SucceededPhotoFetchedBackByteIdenticalAndAudited()
    {
        var (itemId, deliveryId) = await HandedOffAsync(approvedOn: Today.AddDays(-5));
        var photo = Syndicator.Testing.Some.Image("board.png").Content;

        using var confirm = await _service.Client.PostAsJsonAsync($"api/deliveries/{deliveryId}/confirm", new
        {
            postedOn = Day(Today.AddDays(-1)),
            photo = new { fileName = "board.png", contentType = "image/png", data = Convert.ToBase64String(photo) },
        });
        using var fetched = await _service.Client.GetAsync($"api/deliveries/{deliveryId}/photo");
        var detail = await _service.Client.GetFromJsonAsync<JsonElement>($"api/deliveries/{deliveryId}");

        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        Assert.Equal("delivered", (await _service.GetItemAsync(itemId)).GetProperty("status").GetString());
        Assert.Equal("succeeded", detail.GetProperty("delivery").GetProperty("status").GetString());
        Assert.Equal(("posted", Day(Today.AddDays(-1))), (detail.GetProperty("board").GetProperty("event").GetString(), detail.GetProperty("board").GetProperty("on").GetString()));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/png", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(photo, await fetched.Content.ReadAsByteArrayAsync());
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(itemId, 20, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "delivery.posted" && a.Actor.StartsWith("key:", StringComparison.Ordinal)
            && a.Detail == $"postedOn {Day(Today.AddDays(-1))}; photo: yes (board.png, image/png, {photo.Length} bytes)");
    }

    public static TheoryData<string, JsonObject, string, string> BadInputs => new()
    {
        { "a day in the future", new JsonObject { ["postedOn"] = Day(Today.AddDays(2)) }, "postedOn", "is in the future" },
        { "a day before the approval", new JsonObject { ["postedOn"] = Day(Today.AddDays(-6)) }, "postedOn", "is before the item was approved" },
        { "not a date", new JsonObject { ["postedOn"] = "2026/12/03" }, "postedOn", "give it as yyyy-MM-dd" },
        { "no day", new JsonObject(), "postedOn", "postedOn is required" },
        { "a URL on the board", new JsonObject { ["postedOn"] = Day(Today), ["url"] = "https://example.gov.cn/a.html" }, "url", "is a notice board" },
        { "a take-down day on a posting", new JsonObject { ["postedOn"] = Day(Today), ["takenDownOn"] = Day(Today) }, "takenDownOn", "confirm it with postedOn" },
        { "a photo that is not an image", Photo("board.png", "image/png", "%PDF-1.4 not a photo"u8.ToArray()), "photo.data", "The content is not a PNG image" },
        { "a photo of another type", Photo("board.gif", "image/gif", "GIF89a......"u8.ToArray()), "photo.contentType", "must be image/jpeg or image/png" },
        { "a photo over the limit", Photo("board.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, .. new byte[70_000]]), "photo.data", "over the limit of 65536 bytes (Channels:approval:MaxPhotoBytes)" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Confirm_BadInput_422NamingTheFieldAndNothingChanged(string kind, JsonObject body, string field, string message)
    {
        var (itemId, deliveryId) = await HandedOffAsync(approvedOn: Today.AddDays(-5));

        using var response = await _service.Client.PostAsJsonAsync($"api/deliveries/{deliveryId}/confirm", body);

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, kind + ": " + await response.Content.ReadAsStringAsync());
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        var detail = await _service.Client.GetFromJsonAsync<JsonElement>($"api/deliveries/{deliveryId}");
        Assert.Equal("handoff", detail.GetProperty("delivery").GetProperty("status").GetString());
        Assert.False(detail.TryGetProperty("board", out _));
        Assert.Null(await _service.App.Services.GetRequiredService<IDeliveryStore>().GetPlacementAsync(itemId, "approval", CancellationToken.None));
        Assert.DoesNotContain(await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(itemId, 20, CancellationToken.None),
            a => a.Action.StartsWith("delivery.posted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirm_TakenDownAfterWithdraw_RemovesThePlacementAndIsAudited()
    {
        var (itemId, posting) = await HandedOffAsync(approvedOn: Today.AddDays(-5));
        (await _service.Client.PostAsJsonAsync($"api/deliveries/{posting}/confirm", new { postedOn = Day(Today.AddDays(-3)) })).EnsureSuccessStatusCode();
        (await _service.Client.PostAsJsonAsync($"api/items/{itemId}/withdraw", new { channels = new[] { "approval" }, reason = "张贴期满" })).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(itemId, i => i.GetProperty("deliveries").EnumerateArray()
            .Any(d => d.GetProperty("operation").GetString() == "withdraw" && d.GetProperty("status").GetString() == "handoff"));
        var takeDown = waiting.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("operation").GetString() == "withdraw").GetProperty("id").GetString()!;

        using var early = await _service.Client.PostAsJsonAsync($"api/deliveries/{takeDown}/confirm", new { takenDownOn = Day(Today.AddDays(-4)) });
        using var done = await _service.Client.PostAsJsonAsync($"api/deliveries/{takeDown}/confirm", new { takenDownOn = Day(Today) });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains($"is before the notice was posted ({Day(Today.AddDays(-3))})",
            (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("takenDownOn")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, done.StatusCode);
        Assert.Equal("withdrawn", (await _service.GetItemAsync(itemId)).GetProperty("status").GetString());
        Assert.Null(await _service.App.Services.GetRequiredService<IDeliveryStore>().GetPlacementAsync(itemId, "approval", CancellationToken.None));
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(itemId, 20, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "delivery.taken_down" && a.Detail == $"takenDownOn {Day(Today)}; photo: no");
    }

    [Fact]
    public async Task Cli_ConfirmPostedOnWithPhotoThenTakenDownOn_CompletesBothAndExactlyOneWayIsRequired()
    {
        var key = await KeysCommand.CreateAsync(
            _service.App.Services.GetRequiredService<IKeyStore>(), _service.App.Services.GetRequiredService<IAuditLog>(),
            "cli", [Scopes.Read, Scopes.Operate], TimeProvider.System, CancellationToken.None);
        string[] client = ["--server", _service.BaseAddress.ToString(), "--api-key", key];
        var (itemId, deliveryId) = await HandedOffAsync(approvedOn: Today.AddDays(-5));
        var photo = Path.Combine(Path.GetTempPath(), $"board-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(photo, Syndicator.Testing.Some.Image().Content);

        var neither = await SyndicatorProcess.RunAsync(["confirm", deliveryId, .. client], TimeSpan.FromMinutes(1));
        var posted = await SyndicatorProcess.RunAsync(["confirm", deliveryId, "--posted-on", Day(Today), "--photo", photo, .. client], TimeSpan.FromMinutes(1));
        File.Delete(photo);

        Assert.Equal(2, neither.ExitCode);
        Assert.Contains("exactly one of --url URL", neither.StdErr, StringComparison.Ordinal);
        Assert.True(posted.ExitCode == 0, posted.StdErr);
        Assert.Contains($"succeeded, posted on {Day(Today)} (photo ", posted.StdOut.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Equal("delivered", (await _service.GetItemAsync(itemId)).GetProperty("status").GetString());
        using var fetched = await _service.Client.GetAsync($"api/deliveries/{deliveryId}/photo");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);

        (await _service.Client.PostAsJsonAsync($"api/items/{itemId}/withdraw", new { channels = new[] { "approval" }, reason = "张贴期满" })).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(itemId, i => i.GetProperty("deliveries").EnumerateArray()
            .Any(d => d.GetProperty("operation").GetString() == "withdraw" && d.GetProperty("status").GetString() == "handoff"));
        var takeDown = waiting.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("operation").GetString() == "withdraw").GetProperty("id").GetString()!;
        var down = await SyndicatorProcess.RunAsync(["confirm", takeDown, "--taken-down-on", Day(Today), .. client], TimeSpan.FromMinutes(1));
        Assert.True(down.ExitCode == 0, down.StdErr);
        Assert.Contains($"succeeded, taken down on {Day(Today)}", down.StdOut.ReplaceLineEndings(""), StringComparison.Ordinal);
        Assert.Equal("withdrawn", (await _service.GetItemAsync(itemId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnnualFigures_BoardPostedLastYearConfirmedThisYear_CountedInThePostingYearAsTheBoard()
    {
        var lastYear = Today.Year - 1;
        var (_, deliveryId) = await HandedOffAsync(approvedOn: new DateOnly(lastYear, 12, 30));

        (await _service.Client.PostAsJsonAsync($"api/deliveries/{deliveryId}/confirm", new { postedOn = $"{lastYear}-12-31" })).EnsureSuccessStatusCode();
        var then = await _service.Client.GetFromJsonAsync<JsonElement>($"api/reports/annual?year={lastYear}");
        var now = await _service.Client.GetFromJsonAsync<JsonElement>($"api/reports/annual?year={Today.Year}");

        var board = Channel(then, "approval");
        Assert.Equal(1, board.GetProperty("total").GetInt32());
        Assert.Equal("通过信息公开栏发布信息1条，其中：工作信息1条。", board.GetProperty("sentence").GetString());
        Assert.Equal(0, Channel(now, "approval").GetProperty("total").GetInt32());
    }

    /// <summary>An item approved on <paramref name="approvedOn"/> routed to the board, waiting in hand-off: its id and the delivery's.</summary>
    private async Task<(string ItemId, string DeliveryId)> HandedOffAsync(DateOnly approvedOn)
    {
        var id = ItemJson.NewId("board-");
        var body = ItemJson.Make(id, channels: ["approval"]);
        body["writtenOn"] = Day(approvedOn.AddDays(-1));
        body["approval"]!["approvedAt"] = $"{Day(approvedOn)}T09:00:00+08:00";
        using var submitted = await _service.Client.PostAsJsonAsync("api/items", body);
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
        var waiting = await _service.WaitForItemAsync(id, i => Single(i).GetProperty("status").GetString() == "handoff");
        return (id, Single(waiting).GetProperty("id").GetString()!);
    }

    private static JsonObject Photo(string name, string type, byte[] data) => new()
    {
        ["postedOn"] = Day(Today),
        ["photo"] = new JsonObject { ["fileName"] = name, ["contentType"] = type, ["data"] = Convert.ToBase64String(data) },
    };

    private static JsonElement Channel(JsonElement report, string channel) =>
        report.GetProperty("channels").EnumerateArray().Single(c => c.GetProperty("channel").GetString() == channel);

    private static JsonElement Single(JsonElement item) => Assert.Single(item.GetProperty("deliveries").EnumerateArray());

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
