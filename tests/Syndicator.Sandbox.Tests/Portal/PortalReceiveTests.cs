using System.Net;
using System.Net.Http.Headers;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Portal;

/// <summary>The receive interface's rules, each from platform-truth §4 or the reference it names (docs/channels/jcms.md).</summary>
public sealed class PortalReceiveTests : IAsyncLifetime
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
    public async Task Add_ThePublicClientsForm_AnswersIdAndJcmsStyleUrl()
    {
        var reply = await _client.AddAsync();

        Assert.Equal("成功", reply.Message());
        var id = reply.Element("articleid")!.Value;
        Assert.Matches($@"/portal/site/art/\d{{4}}/\d{{1,2}}/\d{{1,2}}/art_{SandboxCredentials.PortalColumnId}_{id}\.html$", reply.Element("url")!.Value);
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("portal")).Creates);
    }

    [Theory]
    [InlineData("标题")]
    [InlineData("正文")]
    [InlineData("发布机构")]
    [InlineData("columnid")]
    public async Task Add_RequiredFieldMissing_RefusedNamingItAndNothingStored(string field)
    {
        var fields = System.Text.RegularExpressions.Regex.Replace(PortalCalls.Fields(), $"<{field}>.*?</{field}>", "");

        var reply = await _client.PostAsync(PortalCalls.Document(fields));

        Assert.False(reply.Succeeded());
        Assert.Contains(field, reply.Message(), StringComparison.Ordinal);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("portal"));
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("portal")).Errors["bad-field"]);
    }

    [Theory]
    [InlineData("<索引号>2026-00042</索引号>", "索引号")]
    [InlineData("<成文日期>2026/3/1</成文日期>", "成文日期")]
    [InlineData("<columnid>77</columnid>", "columnid=77")]
    public async Task Add_BadField_RefusedNamingIt(string extra, string named)
    {
        var fields = PortalCalls.Fields(extra: extra).Replace($"<columnid>{SandboxCredentials.PortalColumnId}</columnid>", extra.StartsWith("<columnid>", StringComparison.Ordinal) ? "" : $"<columnid>{SandboxCredentials.PortalColumnId}</columnid>", StringComparison.Ordinal);

        var reply = await _client.PostAsync(PortalCalls.Document(fields));

        Assert.False(reply.Succeeded());
        Assert.Contains(named, reply.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_AttachmentNotBase64_Refused()
    {
        var reply = await _client.PostAsync(PortalCalls.Document(PortalCalls.Fields(extra: "<附件><file name=\"a.pdf\">!!!</file></附件>")));

        Assert.False(reply.Succeeded());
        Assert.Contains("a.pdf", reply.Message(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("someone-else", SandboxCredentials.PortalPassword, "用户不存在")]
    [InlineData(SandboxCredentials.PortalUserId, "wrong", "用户名或密码错误")]
    public async Task Receive_BadCredentials_RefusedInWords(string userId, string password, string words)
    {
        var reply = await _client.PostAsync(PortalCalls.Document(PortalCalls.Fields()), PortalCalls.WithCredentials(userId, password));

        Assert.False(reply.Succeeded());
        Assert.Equal(words, reply.Message());
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("portal"));
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("portal")).Errors["credentials"]);
    }

    [Fact]
    public async Task Receive_CredentialsInTheXmlWhereTheSiteReadsTheQuery_Refused()
    {
        var xml = PortalCalls.Document(PortalCalls.Fields(), beforeArticle: $"<userid>{SandboxCredentials.PortalUserId}</userid><password>{SandboxCredentials.PortalPassword}</password>");

        var reply = await _client.PostAsync(xml, PortalCalls.Receive);

        Assert.False(reply.Succeeded());
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("portal"));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("header")]
    public async Task Receive_SiteReadsCredentialsElsewhere_QueryStringNoLongerCounts(string where)
    {
        await _client.SiteAsync(new { credentials = where });
        var inXml = PortalCalls.Document(PortalCalls.Fields(), beforeArticle: $"<userid>{SandboxCredentials.PortalUserId}</userid><password>{SandboxCredentials.PortalPassword}</password>");

        var fromQuery = await _client.PostAsync(PortalCalls.Document(PortalCalls.Fields()));
        using var request = new HttpRequestMessage(HttpMethod.Post, PortalCalls.Receive) { Content = new StringContent(where == "xml" ? inXml : PortalCalls.Document(PortalCalls.Fields())) };
        request.Headers.Add("userid", SandboxCredentials.PortalUserId);
        request.Headers.Add("password", SandboxCredentials.PortalPassword);
        using var accepted = await _client.SendAsync(request);

        Assert.False(fromQuery.Succeeded());
        Assert.Contains("<success>true</success>", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
    }

    [Theory]
    [InlineData("text/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("text/plain")]
    public async Task Receive_AnyContentType_TheBodyIsReadAsRawXml(string mediaType)
    {
        var reply = await _client.PostAsync(PortalCalls.Document(PortalCalls.Fields()), mediaType: mediaType);

        Assert.True(reply.Succeeded());
    }

    [Theory]
    [InlineData("not xml at all", "bad-format")]
    [InlineData("<root><article/></root>", "bad-format")]
    [InlineData("<main></main>", "bad-format")]
    public async Task Receive_BadDocument_Refused(string xml, string kind)
    {
        var reply = await _client.PostAsync(xml);

        Assert.False(reply.Succeeded());
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("portal")).Errors[kind]);
    }

    [Fact]
    public async Task Receive_SiteWithAnotherRoot_MainRefused()
    {
        await _client.SiteAsync(new { root = "articles" });

        var main = await _client.PostAsync(PortalCalls.Document(PortalCalls.Fields()));
        var articles = await _client.PostAsync(PortalCalls.Document(PortalCalls.Fields(), root: "articles"));

        Assert.False(main.Succeeded());
        Assert.Contains("根元素应为 articles", main.Message(), StringComparison.Ordinal);
        Assert.True(articles.Succeeded());
    }

    [Fact]
    public async Task Receive_DefaultSite_AStatusElementIsNoOperationEveryCallAdds()
    {
        var id = (await _client.AddAsync()).Element("articleid")!.Value;

        var reply = await _client.PostAsync(PortalCalls.Document($"<articleid>{id}</articleid>" + PortalCalls.Fields(title: "新标题"), status: "U"));

        Assert.True(reply.Succeeded());
        Assert.NotEqual(id, reply.Element("articleid")!.Value);
        Assert.Equal(2, (await _sandbox.Control.GetArticlesAsync("portal")).Count);
        Assert.Equal(0, (await _sandbox.Control.GetStatsAsync("portal")).Updates);
    }

    [Theory]
    [InlineData("U", "<articleid>6931</articleid><标题>x</标题>")]
    [InlineData("D", "<articleid>6931</articleid>")]
    [InlineData("Q", "<sourceid>txsl-1</sourceid>")]
    public async Task Receive_OperationTheSiteDoesNotSupport_RefusedAndNothingChanged(string status, string fields)
    {
        await _client.SiteAsync(new { operationElement = "status" });
        await _client.AddAsync(status: "A");

        var reply = await _client.PostAsync(PortalCalls.Document(fields, status));

        Assert.False(reply.Succeeded());
        Assert.Equal($"接口不支持该操作：{status}", reply.Message());
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
        Assert.False(article.Deleted);
        Assert.Equal("关于做好汛期安全工作的通知", article.Title);
    }

    [Fact]
    public async Task Update_SiteWithUpdate_ReplacesFieldsSentKeepsOthersAndId()
    {
        await _client.FullSiteAsync();
        var id = (await _client.AddAsync(extra: "<文号>桐水〔2026〕1号</文号>", status: "A")).Element("articleid")!.Value;

        var reply = await _client.PostAsync(PortalCalls.Document($"<articleid>{id}</articleid><标题>新标题</标题>", "U"));

        Assert.True(reply.Succeeded());
        Assert.Equal(id, reply.Element("articleid")!.Value);
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
        Assert.Equal("新标题", article.Title);
        Assert.Equal("桐水〔2026〕1号", (string?)article.Metadata["文号"]);
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("portal")).Updates);
    }

    [Fact]
    public async Task UpdateOrDelete_UnknownArticle_RefusedNoSuchArticle()
    {
        await _client.FullSiteAsync();

        var update = await _client.PostAsync(PortalCalls.Document("<articleid>99999</articleid><标题>x</标题>", "U"));
        var delete = await _client.PostAsync(PortalCalls.Document("<articleid>99999</articleid>", "D"));

        Assert.Equal("信息不存在：articleid=99999", update.Message());
        Assert.Equal("信息不存在：articleid=99999", delete.Message());
        Assert.Equal(2, (await _sandbox.Control.GetStatsAsync("portal")).Errors["no-such-article"]);
    }

    [Fact]
    public async Task Delete_Twice_BothSucceedAndArticleFlaggedDeleted()
    {
        await _client.FullSiteAsync();
        var id = (await _client.AddAsync(status: "A")).Element("articleid")!.Value;

        var first = await _client.PostAsync(PortalCalls.Document($"<articleid>{id}</articleid>", "D"));
        var second = await _client.PostAsync(PortalCalls.Document($"<articleid>{id}</articleid>", "D"));

        Assert.True(first.Succeeded());
        Assert.True(second.Succeeded());
        Assert.True(Assert.Single(await _sandbox.Control.GetArticlesAsync("portal")).Deleted);
    }

    [Fact]
    public async Task Query_BySourceId_FindsOnlyLiveArticlesOfThatReference()
    {
        await _client.FullSiteAsync();
        var deleted = (await _client.AddAsync("txsl-7", status: "A")).Element("articleid")!.Value;
        await _client.PostAsync(PortalCalls.Document($"<articleid>{deleted}</articleid>", "D"));
        var live = (await _client.AddAsync("txsl-7", status: "A")).Element("articleid")!.Value;
        await _client.AddAsync("txsl-70", status: "A");

        var reply = await _client.PostAsync(PortalCalls.Document("<sourceid>txsl-7</sourceid>", "Q"));

        Assert.Equal("1", reply.Element("count")!.Value);
        var found = Assert.Single(reply.Element("articles")!.Elements("article"));
        Assert.Equal(live, found.Element("articleid")!.Value);
        Assert.Equal("txsl-7", found.Element("sourceid")!.Value);
    }

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("other", "text/xml")]
    public async Task Reply_UnexpectedShape_TheAddIsStillDoneButTheAnswerSaysNothingReadable(string shape, string mediaType)
    {
        await _client.SiteAsync(new { reply = shape });
        using var content = new StringContent(PortalCalls.Document(PortalCalls.Fields()), System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/x-www-form-urlencoded"));

        using var response = await _client.PostAsync(new Uri(PortalCalls.WithCredentials(), UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("成功", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<result>", body, StringComparison.Ordinal);
        Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
    }
}
