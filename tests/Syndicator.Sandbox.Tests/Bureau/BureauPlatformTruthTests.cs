using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Bureau;

/// <summary>The emulator's rules that come from reference/platform-truth.md §1 (S1, S2, S5, S7, S8, S9).</summary>
public sealed class BureauPlatformTruthTests : IAsyncLifetime
{
    private static readonly string LongUrl = "data:image/jpeg;base64," + new string('A', 600);

    private SandboxServer _sandbox = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _client = _sandbox.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task S1_ApiV1Ping_Answers404Page()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "bureau/api/v1/ping", apiKey: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task S1_PingStatus_WithoutKey_AnswersTheConfiguredVersion()
    {
        await _sandbox.SetBureauSettingsAsync(new JsonObject { ["version"] = "7.3.0" });

        using var response = await _client.SendAsync(HttpMethod.Get, "bureau/api/ping/status", apiKey: null);
        var status = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("7.3.0", status.GetProperty("version").GetString());
        Assert.True(status.GetProperty("isDatabaseWorks").GetBoolean());
    }

    [Fact]
    public async Task S2_CreateWithImageUrlOver500_Answers500WithTheDatabasesMessageAndStoresNothing()
    {
        using var response = await _client.PostAsync(BureauCalls.Channel(), $$"""{"title":"t","imageUrl":"{{LongUrl}}","checked":true}""");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("22001: value too long for type character varying(500)", body.GetProperty("message").GetString());
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("bureau"));
    }

    [Fact]
    public async Task S2_UpdateWithImageUrlOver500_Answers500AndKeepsTheContent()
    {
        await _client.CreateAsync("""{"title":"t","imageUrl":"/upload/a.jpg","checked":true}""");

        using var response = await _client.PostAsync(BureauCalls.Content(1) + "/actions/update", $$"""{"imageUrl":"{{LongUrl}}"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("/upload/a.jpg", (await _client.GetContentAsync(1)).GetProperty("imageUrl").GetString());
    }

    [Fact]
    public async Task S2_OnSqlite_LongImageUrlIsStored()
    {
        await _sandbox.SetBureauSettingsAsync(new JsonObject { ["database"] = "sqlite" });

        var created = await _client.CreateAsync($$"""{"title":"t","imageUrl":"{{LongUrl}}"}""");

        Assert.Equal(LongUrl, created.GetProperty("imageUrl").GetString());
    }

    [Fact]
    public async Task S5_Before731_UpdateWipesUnsentFieldsTakesThePageOfflineAndAnswers200()
    {
        await _sandbox.SetBureauSettingsAsync(new JsonObject { ["version"] = "7.3.0" });
        await _client.CreateAsync("""{"title":"旧标题","summary":"摘要","author":"张三","checked":true}""");

        using var response = await _client.PostAsync(BureauCalls.Content(1) + "/actions/update", """{"title":"新标题"}""");
        var read = await _client.GetContentAsync(1);
        using var page = await _client.GetAsync("bureau/site/contents/2/1.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("新标题", read.GetProperty("title").GetString());
        Assert.Equal(JsonValueKindNull, read.GetProperty("summary").ValueKind);
        Assert.Equal(JsonValueKindNull, read.GetProperty("author").ValueKind);
        Assert.False(read.GetProperty("checked").GetBoolean());
        Assert.Equal(0, read.GetProperty("checkedLevel").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task S5_From731_UpdateKeepsUnsentFields()
    {
        await _client.CreateAsync("""{"title":"旧标题","summary":"摘要","checked":true}""");

        using var response = await _client.PostAsync(BureauCalls.Content(1) + "/actions/update", """{"title":"新标题"}""");
        var read = await _client.GetContentAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("摘要", read.GetProperty("summary").GetString());
        Assert.True(read.GetProperty("checked").GetBoolean());
    }

    [Fact]
    public async Task S7_PathRuleAndSiteDir_NavigationUrlFollowsThemAndThePageIsServedThere()
    {
        await _sandbox.SetBureauSettingsAsync(new JsonObject { ["contentFilePathRule"] = "/news/{@year}/{@contentId}.html", ["siteDir"] = "shuili" });
        await _client.CreateAsync("""{"title":"t","checked":true}""");

        var list = await _client.ListAsync("""{"siteId":1,"channelId":2,"wheres":[{"column":"Id","operator":"=","value":"1"}]}""");
        var navigationUrl = list.GetProperty("contents")[0].GetProperty("navigationUrl").GetString()!;
        using var page = await _client.GetAsync("bureau/site" + navigationUrl);
        using var defaultAddress = await _client.GetAsync("bureau/site/contents/2/1.html");

        Assert.Matches("^/shuili/news/[0-9]{4}/1\\.html$", navigationUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, defaultAddress.StatusCode);
        Assert.EndsWith(navigationUrl, Assert.Single(await _sandbox.Control.GetArticlesAsync("bureau")).Url.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S8_ChannelWithoutRights_EveryContentsCallAnswers401()
    {
        await _client.CreateAsync("""{"title":"t"}""", channelId: 3);
        await _sandbox.SetBureauSettingsAsync(new JsonObject { ["channelsWithoutRights"] = new JsonArray(3) });

        using var create = await _client.PostAsync(BureauCalls.Channel(3), """{"title":"x"}""");
        using var list = await _client.PostAsync(BureauCalls.Contents, """{"siteId":1,"channelId":3}""");
        using var update = await _client.PostAsync(BureauCalls.Content(1, channelId: 3) + "/actions/update", """{"title":"x"}""");
        using var delete = await _client.PostAsync(BureauCalls.Content(1, channelId: 3) + "/actions/delete");
        using var other = await _client.PostAsync(BureauCalls.Channel(2), """{"title":"x"}""");

        Assert.All([create, list, update, delete], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task S9_PageTemplate_HasNoDivBodyAndTheConfiguredBodyClass()
    {
        await _sandbox.SetBureauSettingsAsync(new JsonObject { ["bodyClass"] = "TRS_Content" });
        await _client.CreateAsync("""{"title":"t","body":"<p>正文</p>","checked":true}""");

        var html = await _client.GetStringAsync("bureau/site/contents/2/1.html");

        Assert.Contains("<div class=\"TRS_Content\"><p>正文</p></div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"body\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_BadValue_400AndNothingApplied()
    {
        using var response = await _client.PostAsJsonAsync("_sandbox/bureau/settings", new JsonObject { ["version"] = "7.3.0", ["database"] = "oracle" });
        var settings = await _client.GetFromJsonAsync<JsonObject>("_sandbox/bureau/settings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("7.4.0", settings!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reset_RestoresDefaultSettings()
    {
        await _sandbox.SetBureauSettingsAsync(new JsonObject { ["version"] = "7.2.1", ["siteDir"] = "x" });

        await _sandbox.Control.ResetAsync();
        var settings = await _client.GetFromJsonAsync<JsonObject>("_sandbox/bureau/settings");

        Assert.Equal("7.4.0", settings!["version"]!.GetValue<string>());
        Assert.Equal("", settings["siteDir"]!.GetValue<string>());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
