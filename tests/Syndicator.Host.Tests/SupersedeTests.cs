using System.Net.Http.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// A create whose answer was lost, then a new revision or a withdrawal arrives while the delivery waits for its
/// retry: the platform still ends with exactly what the item's last state says — never a second article, never an
/// orphan.
/// </summary>
public sealed class SupersedeTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    // The first retry waits ten minutes: long enough that the operator's next step always lands during the wait.
    public async Task InitializeAsync() =>
        _service = await ServiceHarness.StartAsync(new Dictionary<string, string?> { ["Retry:Schedule:0"] = "00:10:00" });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Revision2_WhileALostCreateWaits_OneArticleCarryingRevision2()
    {
        var id = await LoseTheFirstCreateAsync();

        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, revision: 2, title: "第二版标题", body: "<p>第二版</p>"))).Dispose();

        await _service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "delivered" && i.GetProperty("revision").GetInt32() == 2);
        var article = Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        Assert.Equal("第二版标题", article.Title);
        Assert.False(article.Deleted);
    }

    [Fact]
    public async Task Withdraw_WhileALostCreateWaits_TheArticleIsDeletedAndTheItemWithdrawn()
    {
        var id = await LoseTheFirstCreateAsync();

        (await _service.Client.PostAsJsonAsync($"api/items/{id}/withdraw", new { reason = "撤回" })).Dispose();

        await _service.WaitForItemAsync(id, i => i.GetProperty("status").GetString() == "withdrawn");
        Assert.True(Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau")).Deleted);
    }

    /// <summary>The create lands on the platform but its answer is lost; the delivery waits for its retry.</summary>
    private async Task<string> LoseTheFirstCreateAsync()
    {
        await _service.Sandbox.Control.AddFaultAsync("bureau", SandboxFault.CommitThenDropConnection() with { Path = "/api/v1/contents/1/2" });
        var id = ItemJson.NewId();
        (await _service.Client.PostAsJsonAsync("api/items", ItemJson.Make(id, title: "第一版标题"))).Dispose();
        await _service.WaitForItemAsync(id, i => i.GetProperty("deliveries")[0].GetProperty("attempts").GetInt32() == 1
            && i.GetProperty("deliveries")[0].GetProperty("status").GetString() == "pending");
        Assert.Single(await _service.Sandbox.Control.GetArticlesAsync("bureau"));
        return id;
    }
}
