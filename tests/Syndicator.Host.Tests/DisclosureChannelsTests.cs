using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Syndicator.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// The portal (jcms) and approval-centre (trswcm) channels as the service drives them against the sandbox: catalogue
/// metadata and 索引号 arrive, the category's column is used, a revision updates in place, a withdrawal removes.
/// </summary>
public sealed class DisclosureChannelsTests : IAsyncLifetime
{
    private ServiceHarness _service = null!;

    private static string Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year.ToString(CultureInfo.InvariantCulture);

    public async Task InitializeAsync() => _service = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Submit_PolicyDocument_PortalArticleCarriesIndexNumberAndEveryMetadataFieldInThePolicyColumn()
    {
        var id = ItemJson.NewId();
        var body = ItemJson.Make(id, category: "政策文件", channels: ["portal", "approval"]);
        body["disclosure"] = new JsonObject { ["genre"] = "通知", ["validity"] = "有效" };

        await SubmitAndWaitAsync(body);

        var article = Assert.Single(await LiveAsync("portal"));
        var metadata = article.Metadata;
        Assert.Equal($"{SandboxCredentials.OrganisationCode}/{Year}-00001", metadata["索引号"]!.GetValue<string>());
        Assert.Equal("桐乡市水利局", metadata["发布机构"]!.GetValue<string>());
        Assert.Equal("2026-03-01", metadata["成文日期"]!.GetValue<string>());
        Assert.Equal("桐水〔2026〕12号", metadata["文号"]!.GetValue<string>());
        Assert.Equal(@"农业、林业、水利\水利", metadata["主题分类"]!.GetValue<string>());
        Assert.Equal("通知", metadata["体裁分类"]!.GetValue<string>());
        Assert.Equal("有效", metadata["有效性"]!.GetValue<string>());
        Assert.Equal("主动公开", metadata["公开方式"]!.GetValue<string>());
        Assert.Equal("面向全社会", metadata["公开范围"]!.GetValue<string>());
        Assert.Equal(SandboxCredentials.PortalPolicyColumnId.ToString(CultureInfo.InvariantCulture), metadata["columnid"]!.ToString());
        Assert.Equal(id, article.SourceId);
        Assert.Single(await LiveAsync("approval"));
    }

    [Fact]
    public async Task Submit_ThreeItems_IndexNumbersSequentialAndAWithdrawnOnesNumberNotGivenAgain()
    {
        var first = ItemJson.NewId();
        await SubmitAndWaitAsync(ItemJson.Make(first, channels: ["portal"]));
        await SubmitAndWaitAsync(ItemJson.Make(ItemJson.NewId(), channels: ["portal"]));
        (await _service.Client.PostAsJsonAsync($"api/items/{first}/withdraw", new { reason = "测试撤回" })).EnsureSuccessStatusCode();
        await _service.WaitForItemAsync(first, i => i.GetProperty("status").GetString() == "withdrawn");

        var third = await SubmitAndWaitAsync(ItemJson.Make(ItemJson.NewId(), channels: ["portal"]));

        Assert.Equal($"{SandboxCredentials.OrganisationCode}/{Year}-00003", third);
        Assert.Equal(2, (await LiveAsync("portal")).Count);
    }

    [Fact]
    public async Task Revision2_UpdatesInPlaceOnPortalAndApproval()
    {
        var id = ItemJson.NewId();
        await SubmitAndWaitAsync(ItemJson.Make(id, channels: ["portal", "approval"]));
        var before = new[] { Assert.Single(await LiveAsync("portal")).RemoteId, Assert.Single(await LiveAsync("approval")).RemoteId };

        await SubmitAndWaitAsync(ItemJson.Make(id, revision: 2, title: "关于修订后的通知", channels: ["portal", "approval"]), revision: 2);

        var portal = Assert.Single(await LiveAsync("portal"));
        var approval = Assert.Single(await LiveAsync("approval"));
        Assert.Equal(before, new[] { portal.RemoteId, approval.RemoteId });
        Assert.Equal("关于修订后的通知", portal.Title);
        Assert.Equal("关于修订后的通知", approval.Title);
    }

    private async Task<string?> SubmitAndWaitAsync(JsonObject body, int revision = 1)
    {
        var id = body["id"]!.GetValue<string>();
        (await _service.Client.PostAsJsonAsync("api/items", body)).EnsureSuccessStatusCode();
        var item = await _service.WaitForItemAsync(id, i =>
            i.GetProperty("revision").GetInt32() == revision && i.GetProperty("status").GetString() == "delivered");
        return item.GetProperty("indexNumber").GetString();
    }

    private async Task<List<Syndicator.Testing.Sandbox.SandboxArticle>> LiveAsync(string channel) =>
        [.. (await _service.Sandbox.Control.GetArticlesAsync(channel, CancellationToken.None)).Where(a => !a.Deleted)];
}
