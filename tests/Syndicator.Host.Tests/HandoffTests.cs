using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.Cli;

namespace Syndicator.Host.Tests;

/// <summary>A channel configured as <c>handoff</c>: the delivery waits with its package until an operator confirms the URL.</summary>
public sealed class HandoffTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Channels:approval:Connector"] = "handoff",
        ["Channels:approval:BackOfficeUrl"] = "https://zwfw.example.gov.cn/admin/",
        ["Channels:approval:Instructions"] = "栏目：通知公告",
    });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Submit_HandoffChannel_WaitsWithItsPackageUntilConfirmedWithTheUrl()
    {
        var id = ItemJson.NewId();
        var body = ItemJson.Make(id, channels: ["approval"], body: "<p>第一段</p><p>第二段<img src=\"fig.png\"></p>");
        body["images"] = new JsonArray(new JsonObject { ["name"] = "fig.png", ["mediaType"] = "image/png", ["contentBase64"] = Convert.ToBase64String(Syndicator.Testing.Some.Image("fig.png").Content) });
        body["attachments"] = new JsonArray(new JsonObject { ["name"] = "通知.pdf", ["mediaType"] = "application/pdf", ["contentBase64"] = Convert.ToBase64String("%PDF-1.4"u8.ToArray()) });
        (await _service.Client.PostAsJsonAsync("api/items", body)).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(id, i => Delivery(i).GetProperty("status").GetString() == "handoff");
        var deliveryId = Delivery(waiting).GetProperty("id").GetString()!;

        var package = await _service.Client.GetFromJsonAsync<JsonElement>($"api/deliveries/{deliveryId}/package");
        using var confirm = await _service.Client.PostAsJsonAsync($"api/deliveries/{deliveryId}/confirm", new { url = "https://zwfw.example.gov.cn/art/1.html" });
        var done = await _service.GetItemAsync(id);

        Assert.Equal("publish", package.GetProperty("operation").GetString());
        Assert.Contains("https://zwfw.example.gov.cn/admin/", package.GetProperty("instructions").GetString(), StringComparison.Ordinal);
        Assert.Contains("栏目：通知公告", package.GetProperty("instructions").GetString(), StringComparison.Ordinal);
        Assert.Equal("第一段\n第二段", package.GetProperty("text").GetString());
        Assert.Contains("src=\"data:image/png;base64,", package.GetProperty("html").GetString(), StringComparison.Ordinal);
        var metadata = package.GetProperty("metadata").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetString());
        Assert.StartsWith(Syndicator.Sandbox.SandboxCredentials.OrganisationCode + "/", metadata["索引号"], StringComparison.Ordinal);
        Assert.Equal("桐水〔2026〕12号", metadata["文号"]);
        Assert.Equal("王五", metadata["保密审查"]);
        Assert.Equal("通知.pdf", Assert.Single(package.GetProperty("attachments").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Accepted, confirm.StatusCode);
        Assert.Equal("delivered", done.GetProperty("status").GetString());
        Assert.Equal("https://zwfw.example.gov.cn/art/1.html", Delivery(done).GetProperty("url").GetString());
        var audit = await _service.App.Services.GetRequiredService<IAuditLog>().ListAsync(id, 20, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "delivery.confirm" && a.Detail == "https://zwfw.example.gov.cn/art/1.html");
    }

    [Fact]
    public async Task Confirm_UrlOffTheChannelsHosts_422NamingUrlAndTheDeliveryStillWaits()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["approval"]))).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(id, i => Delivery(i).GetProperty("status").GetString() == "handoff");
        var deliveryId = Delivery(waiting).GetProperty("id").GetString()!;

        using var confirm = await _service.Client.PostAsJsonAsync($"api/deliveries/{deliveryId}/confirm", new { url = "http://169.254.169.254/latest/meta-data/" });
        var problem = await confirm.Content.ReadFromJsonAsync<JsonElement>();
        var after = await _service.GetItemAsync(id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, confirm.StatusCode);
        Assert.Contains("169.254.169.254", problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("Channels:approval:PublicHosts", problem.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("handoff", Delivery(after).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("{\"postedOn\":\"2026-03-03\"}", 422, "postedOn", "is for a notice board's hand-off")]
    [InlineData("{\"url\":\"https://zwfw.example.gov.cn/art/3.html\",\"photo\":{\"fileName\":\"a.png\",\"contentType\":\"image/png\",\"data\":\"iVBORw0KGgo=\"}}", 422, "photo", "A photo is for a notice board's hand-off")]
    [InlineData("{}", 400, "url", "url must be the absolute http(s) address")]
    public async Task Confirm_UrlChannelWithoutAUrlOrWithABoardsFields_RefusedNamingTheFieldAndStillWaiting(string body, int status, string field, string message)
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["approval"]))).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(id, i => Delivery(i).GetProperty("status").GetString() == "handoff");

        using var confirm = await _service.Client.PostAsync($"api/deliveries/{Delivery(waiting).GetProperty("id").GetString()}/confirm",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)confirm.StatusCode);
        var problem = await confirm.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("handoff", Delivery(await _service.GetItemAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Package_ChannelWithAnInterface_409SayingSo()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).EnsureSuccessStatusCode();
        var item = await _service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered");

        using var response = await _service.Client.GetAsync($"api/deliveries/{Delivery(item).GetProperty("id").GetString()}/package");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only a handoff channel", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_PackageAndConfirm_WritesTheFilesAndCompletesTheDelivery()
    {
        var key = await KeysCommand.CreateAsync(
            _service.App.Services.GetRequiredService<IKeyStore>(), _service.App.Services.GetRequiredService<IAuditLog>(),
            "cli", [Scopes.Read, Scopes.Operate], TimeProvider.System, CancellationToken.None);
        string[] client = ["--server", _service.BaseAddress.ToString(), "--api-key", key];
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, channels: ["approval"]))).EnsureSuccessStatusCode();
        var waiting = await _service.WaitForItemAsync(id, i => Delivery(i).GetProperty("status").GetString() == "handoff");
        var deliveryId = Delivery(waiting).GetProperty("id").GetString()!;
        var folder = Path.Combine(Path.GetTempPath(), "syndicator-package-" + Guid.NewGuid().ToString("N"));

        var package = await SyndicatorProcess.RunAsync(["package", deliveryId, "--out", folder, .. client], Minute);
        var confirm = await SyndicatorProcess.RunAsync(["confirm", deliveryId, "--url", "https://zwfw.example.gov.cn/art/2.html", .. client], Minute);

        Assert.True(package.ExitCode == 0, package.StdErr);
        Assert.Contains("索引号", package.StdOut, StringComparison.Ordinal);
        Assert.Contains($"{id} 正文", await File.ReadAllTextAsync(Path.Combine(folder, "body.txt")), StringComparison.Ordinal);
        Assert.Contains("文号\t桐水〔2026〕12号", await File.ReadAllTextAsync(Path.Combine(folder, "metadata.txt")), StringComparison.Ordinal);
        Assert.True(confirm.ExitCode == 0, confirm.StdErr);
        Assert.Contains("succeeded", confirm.StdOut, StringComparison.Ordinal);
        Assert.Equal("delivered", (await _service.GetItemAsync(id)).GetProperty("status").GetString());
        Directory.Delete(folder, recursive: true);
    }

    private static JsonElement Delivery(JsonElement item) => Assert.Single(item.GetProperty("deliveries").EnumerateArray());
}
