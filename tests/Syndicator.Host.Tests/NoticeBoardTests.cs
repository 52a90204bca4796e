using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.Cli;
using UglyToad.PdfPig;

namespace Syndicator.Host.Tests;

/// <summary>A channel configured as <c>noticeboard</c>: the delivery waits in hand-off with the notice to print in its package.</summary>
public sealed class NoticeBoardTests : IAsyncLifetime
{
    private const string Title = "桐乡市水利局关于做好2026年汛期前河道堤防安全隐患排查整治工作的通知";
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Channels:approval:Connector"] = "noticeboard",
        ["Channels:approval:DisplayName"] = "信息公开栏",
        ["Channels:approval:Organisation"] = "桐乡市水利局",
    });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Submit_NoticeBoardChannel_HandedOffWithANoticePdfHoldingTheTitle()
    {
        var id = ItemJson.NewId();
        var body = ItemJson.Make(id, channels: ["approval"], body: "<p>各镇（街道）水利站：为切实做好汛期前河道堤防安全隐患排查整治工作，现将有关事项通知如下。</p>");
        body["title"] = Title;
        (await _service.Client.PostAsJsonAsync("api/items", body)).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(id, i => Delivery(i).GetProperty("status").GetString() == "handoff");

        var package = await _service.Client.GetFromJsonAsync<JsonElement>($"api/deliveries/{Delivery(waiting).GetProperty("id").GetString()}/package");

        Assert.Contains("请打印公告（notice.pdf，A4）并张贴于信息公开栏", package.GetProperty("instructions").GetString(), StringComparison.Ordinal);
        var file = Assert.Single(package.GetProperty("files").EnumerateArray());
        Assert.Equal("notice.pdf", file.GetProperty("name").GetString());
        var text = PdfText(Convert.FromBase64String(file.GetProperty("contentBase64").GetString()!));
        Assert.Contains(Title, text, StringComparison.Ordinal);
        Assert.Contains("各镇（街道）水利站：为切实做好汛期前河道堤防安全隐患排查整治工作", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_Package_WritesNoticePdf()
    {
        var key = await KeysCommand.CreateAsync(
            _service.App.Services.GetRequiredService<IKeyStore>(), _service.App.Services.GetRequiredService<IAuditLog>(),
            "cli", [Scopes.Read], TimeProvider.System, CancellationToken.None);
        var id = ItemJson.NewId();
        var body = ItemJson.Make(id, channels: ["approval"]);
        body["title"] = Title;
        (await _service.Client.PostAsJsonAsync("api/items", body)).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(id, i => Delivery(i).GetProperty("status").GetString() == "handoff");
        var folder = Path.Combine(Path.GetTempPath(), "syndicator-notice-" + Guid.NewGuid().ToString("N"));

        var package = await SyndicatorProcess.RunAsync(
            ["package", Delivery(waiting).GetProperty("id").GetString()!, "--out", folder, "--server", _service.BaseAddress.ToString(), "--api-key", key],
            TimeSpan.FromMinutes(1));

        Assert.True(package.ExitCode == 0, package.StdErr);
        Assert.Contains("notice.pdf", package.StdOut, StringComparison.Ordinal);
        Assert.Contains(Title, PdfText(await File.ReadAllBytesAsync(Path.Combine(folder, "notice.pdf"))), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Start_FontMissing_StopsNamingTheKeyAndThePath()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => ServiceHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Channels:approval:Connector"] = "noticeboard",
            ["Channels:approval:FontPath"] = "/nonexistent/fonts/simsun.ttf",
        }));

        Assert.Contains("Channels:approval:FontPath is '/nonexistent/fonts/simsun.ttf', which does not exist", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>The PDF's text, whitespace removed (lines break anywhere in Chinese).</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().SelectMany(p => p.Text).Where(c => !char.IsWhiteSpace(c)));
    }

    private static JsonElement Delivery(JsonElement item) => Assert.Single(item.GetProperty("deliveries").EnumerateArray());
}
