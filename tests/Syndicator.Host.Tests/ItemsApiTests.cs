using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>The walking skeleton end to end: HTTP intake → store → dispatcher → sscms connector → SSCMS emulator.</summary>
public sealed class ItemsApiTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Submit_NewItem_LiveOnBureauExactlyOnce()
    {
        var id = ItemJson.NewId();

        using var response = await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/items/{id}", response.Headers.Location?.OriginalString);
        var item = await _service.WaitForItemAsync(id, i => Status(i) == "delivered");
        var delivery = Assert.Single(item.GetProperty("deliveries").EnumerateArray());
        Assert.Equal("bureau", delivery.GetProperty("channel").GetString());
        Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
        var article = Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        Assert.Equal(article.Url.ToString(), delivery.GetProperty("url").GetString());
        Assert.Equal(article.RemoteId, delivery.GetProperty("remoteId").GetString());
        using var page = await _service.Sandbox.CreateClient().GetAsync(article.Url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Submit_SameRevisionAgain_Returns200AndNoSecondArticle()
    {
        var id = ItemJson.NewId();
        var body = ItemJson.Make(id);
        (await _service.Client.PostAsJsonAsync("api/items", body)).Dispose();
        await _service.WaitForItemAsync(id, i => Status(i) == "delivered");

        using var again = await _service.Client.PostAsJsonAsync("api/items", body);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deliveries").EnumerateArray());
        Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        Assert.Equal(1, (await _service.Sandbox.Control.GetStatsAsync("bureau")).Creates);
    }

    [Fact]
    public async Task Submit_SameRevisionOtherContent_Returns409NamingRevision()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();

        using var conflict = await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, body: "<p>改过的正文</p>"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        var problem = await conflict.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("revision", out _));
    }

    [Fact]
    public async Task Submit_Revision2_UpdatesTheSameArticle()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();
        await _service.WaitForItemAsync(id, i => Status(i) == "delivered");
        var before = Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));

        using var response = await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, revision: 2, title: "修订后的标题", body: "<p>第二版正文</p>"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var item = await _service.WaitForItemAsync(id, i => Status(i) == "delivered" && i.GetProperty("revision").GetInt32() == 2);
        var update = item.GetProperty("deliveries").EnumerateArray().Last();
        Assert.Equal("update", update.GetProperty("operation").GetString());
        var after = Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        Assert.Equal(before.RemoteId, after.RemoteId);
        Assert.NotEqual(before.ContentHash, after.ContentHash);
        Assert.Equal("修订后的标题", after.Title);
    }

    [Fact]
    public async Task Withdraw_LiveItem_DeletedOnPlatformAndItemWithdrawn()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();
        await _service.WaitForItemAsync(id, i => Status(i) == "delivered");

        using var response = await _service.Client.PostAsJsonAsync($"api/items/{id}/withdraw", new { reason = "信息有误，撤回" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await _service.WaitForItemAsync(id, i => Status(i) == "withdrawn");
        Assert.True(Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau")).Deleted);
    }

    [Fact]
    public async Task Republish_OneChannel_UpdatesTheLiveArticle()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();
        await _service.WaitForItemAsync(id, i => Status(i) == "delivered");

        using var response = await _service.Client.PostAsJsonAsync($"api/items/{id}/republish", new { channels = new[] { "bureau" }, reason = "页面被误改" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var item = await _service.WaitForItemAsync(id, i => i.GetProperty("deliveries").GetArrayLength() == 2 && Status(i) == "delivered");
        Assert.Equal("update", item.GetProperty("deliveries")[1].GetProperty("operation").GetString());
        Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        Assert.Equal(1, (await _service.Sandbox.Control.GetStatsAsync("bureau")).Updates);
    }

    [Fact]
    public async Task Faults_Three503s_DeliverySucceedsWithItsAttemptsVisible()
    {
        // On the creating call, which no layer may repeat within a try: each 503 costs one attempt of the schedule.
        // (Idempotent calls such as the reconciling list query are retried within the try instead.)
        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503, count: 3) with { Path = "/api/v1/contents/1/2" });
        var id = ItemJson.NewId();

        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();

        var item = await _service.WaitForItemAsync(id, i => Status(i) == "delivered");
        var delivery = Assert.Single(item.GetProperty("deliveries").EnumerateArray());
        Assert.Equal(4, delivery.GetProperty("attempts").GetInt32());
        var detail = await _service.Client.GetFromJsonAsync<JsonElement>($"api/deliveries/{delivery.GetProperty("id").GetString()}");
        var outcomes = detail.GetProperty("attempts").EnumerateArray().Select(a => (a.GetProperty("outcome").GetString(), a.GetProperty("code").GetString())).ToList();
        Assert.Equal([("transient", "503"), ("transient", "503"), ("transient", "503"), ("succeeded", "200")], outcomes);
        Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
    }

    [Fact]
    public async Task Faults_A503OnAnUpdate_RetriedWithinTheTryNotAsANewAttempt()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();
        var live = await _service.WaitForItemAsync(id, i => Status(i) == "delivered");
        var remoteId = live.GetProperty("deliveries")[0].GetProperty("remoteId").GetString();
        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503) with { Path = $"/api/v1/contents/1/2/{remoteId}/actions/update" });

        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, revision: 2, body: "<p>第二版</p>"))).Dispose();

        var item = await _service.WaitForItemAsync(id, i => Status(i) == "delivered" && i.GetProperty("revision").GetInt32() == 2);
        Assert.Equal(1, item.GetProperty("deliveries")[1].GetProperty("attempts").GetInt32());
        var stats = await _service.Sandbox.Control.GetStatsAsync("bureau");
        Assert.Equal((1, 1), (stats.FaultsInjected, stats.Updates));
    }

    [Fact]
    public async Task Faults_CommitThenReset_StillExactlyOneArticle()
    {
        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.CommitThenDropConnection() with { Path = "/api/v1/contents/1/2" });
        var id = ItemJson.NewId();

        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();

        var item = await _service.WaitForItemAsync(id, i => Status(i) == "delivered");
        var article = Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        Assert.Equal(article.RemoteId, item.GetProperty("deliveries")[0].GetProperty("remoteId").GetString());
        Assert.Equal(1, (await _service.Sandbox.Control.GetStatsAsync("bureau")).Creates);
        Assert.Equal(1, (await _service.Sandbox.Control.GetStatsAsync("bureau")).FaultsInjected);
    }

    [Fact]
    public async Task Retry_FailedDelivery_SucceedsAfterTheCauseIsFixed()
    {
        // A 400 from SSCMS is permanent (rejected): the delivery fails at once and waits for an operator.
        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(400, count: 1));
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();
        var failed = await _service.WaitForItemAsync(id, i => Status(i) == "attention");
        var deliveryId = failed.GetProperty("deliveries")[0].GetProperty("id").GetString();

        using var preview = await _service.Client.PostAsJsonAsync("api/deliveries/retry", new { channel = "bureau", dryRun = true });
        var dry = await preview.Content.ReadFromJsonAsync<JsonElement>();
        using var retry = await _service.Client.PostAsync($"api/deliveries/{deliveryId}/retry", null);

        Assert.Equal(1, dry.GetProperty("count").GetInt32());
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        await _service.WaitForItemAsync(id, i => Status(i) == "delivered");
        Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
    }

    [Fact]
    public async Task List_ByStatus_ReturnsTheDeliveredItem()
    {
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id))).Dispose();
        await _service.WaitForItemAsync(id, i => Status(i) == "delivered");

        var page = await _service.Client.GetFromJsonAsync<JsonElement>("api/items?status=delivered&channel=bureau");

        Assert.Contains(page.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);
    }

    private static string? Status(JsonElement item) => item.GetProperty("status").GetString();
}
