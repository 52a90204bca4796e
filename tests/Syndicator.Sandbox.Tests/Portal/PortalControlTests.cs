using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Portal;

public sealed class PortalControlTests : IAsyncLifetime
{
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
    public async Task Articles_AfterAdd_MetadataAsReceivedSourceIdAndBodyHash()
    {
        await _client.AddAsync("txsl-2026-0042", "<索引号>002482285/2026-00042</索引号><成文日期>2026-03-01</成文日期><主题分类>综合政务\\政务公开</主题分类>");

        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));

        Assert.Equal("txsl-2026-0042", article.SourceId);
        Assert.Equal("002482285/2026-00042", (string?)article.Metadata["索引号"]);
        Assert.Equal("2026-03-01", (string?)article.Metadata["成文日期"]);
        Assert.Equal("综合政务\\政务公开", (string?)article.Metadata["主题分类"]);
        Assert.Equal("桐乡市水利局", (string?)article.Metadata["发布机构"]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("<p>正文</p>"u8)), article.ContentHash);
        Assert.StartsWith(_sandbox.BaseAddress.AbsoluteUri + "portal/site/art/", article.Url.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_LiveArticle_ShowsMetadataTableAndBodyLikeASite_DeletedAnswers404()
    {
        await _client.FullSiteAsync();
        var reply = await _client.AddAsync(extra: "<索引号>002482285/2026-00042</索引号><公开方式>主动公开</公开方式>", status: "A");
        var url = new Uri(reply.Element("url")!.Value);

        var page = await _client.GetStringAsync(url);
        await _client.PostAsync(PortalCalls.Document($"<articleid>{reply.Element("articleid")!.Value}</articleid>", "D"));
        using var gone = await _client.GetAsync(url);

        Assert.Contains("<th>索引号</th><td>002482285/2026-00042</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th>公开方式</th><td>主动公开</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th>发布机构</th><td>桐乡市水利局</td>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 class=\"art-title\">关于做好汛期安全工作的通知</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<div id=\"zoom\"><p>正文</p></div>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"body\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Page_BodyIdConfigured_TextInThatElement()
    {
        await _client.SiteAsync(new { bodyId = "content" });
        var url = new Uri((await _client.AddAsync()).Element("url")!.Value);

        Assert.Contains("<div id=\"content\"><p>正文</p></div>", await _client.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListPage_Column_LinksItsLiveArticlesByTitle()
    {
        var url = (await _client.AddAsync()).Element("url")!.Value;

        var list = await _client.GetStringAsync($"portal/site/col/col{SandboxCredentials.PortalColumnId}/index.html");
        using var unknown = await _client.GetAsync("portal/site/col/col42/index.html");

        Assert.Contains($"<a href=\"{new Uri(url).AbsolutePath}\" title=\"关于做好汛期安全工作的通知\">关于做好汛期安全工作的通知</a>", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Settings_Bad_400AndUnchanged_ResetRestoresTheDefaults()
    {
        using var bad = await _client.PostAsJsonAsync("_sandbox/portal/settings", new { supportsUpdate = true });
        await _client.SiteAsync(new { credentials = "xml" });

        await _sandbox.Control.ResetAsync();
        var settings = await _client.GetFromJsonAsync<JsonElement>("_sandbox/portal/settings");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("query", settings.GetProperty("credentials").GetString());
        Assert.False(settings.GetProperty("supportsUpdate").GetBoolean());
    }

    [Fact]
    public async Task Requests_AfterCalls_ShowTargetAndWhereCredentialsWere()
    {
        await _client.AddAsync();
        await _client.PostAsync(PortalCalls.Document(PortalCalls.Fields()), PortalCalls.Receive, "text/xml");

        var requests = await _client.GetFromJsonAsync<JsonElement[]>("_sandbox/portal/requests");

        Assert.Equal(["query", "none"], requests!.Select(r => r.GetProperty("credentialsIn").GetString()));
        Assert.StartsWith("/portal/jcms/interface/receive.jsp?userid=", requests![0].GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.Equal(["application/x-www-form-urlencoded", "text/xml"], requests.Select(r => r.GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task CommitThenResetFault_OnReceive_ArticleStoredButCallerGetsNoAnswer()
    {
        await _sandbox.Control.AddFaultAsync("portal", SandboxFault.CommitThenDropConnection() with { Path = "/jcms/interface/receive.jsp" });
        using var content = new StringContent(PortalCalls.Document(PortalCalls.Fields()), System.Text.Encoding.UTF8, "text/xml");

        await Assert.ThrowsAsync<HttpRequestException>(() => _client.PostAsync(new Uri(PortalCalls.WithCredentials(), UriKind.Relative), content));

        Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
        var stats = await _sandbox.Control.GetStatsAsync("portal");
        Assert.Equal(1, stats.Creates);
        Assert.Equal(1, stats.FaultsInjected);
    }

    [Fact]
    public async Task StatusFault_OnReceive_503AndNothingStored()
    {
        await _sandbox.Control.AddFaultAsync("portal", SandboxFault.Fail(503));
        using var content = new StringContent(PortalCalls.Document(PortalCalls.Fields()), System.Text.Encoding.UTF8, "text/xml");

        using var response = await _client.PostAsync(new Uri(PortalCalls.WithCredentials(), UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("portal"));
        Assert.Empty((await _sandbox.Control.GetStatsAsync("portal")).Errors);
    }

    [Fact]
    public async Task Reset_AfterAdds_EmptiesArticlesRequestsAndIds()
    {
        var firstId = (await _client.AddAsync()).Element("articleid")!.Value;

        await _sandbox.Control.ResetAsync();
        var afterReset = (await _client.AddAsync()).Element("articleid")!.Value;

        Assert.Equal(firstId, afterReset);
        Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
    }
}
