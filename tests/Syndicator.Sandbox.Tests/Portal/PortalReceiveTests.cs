using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Portal;

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
    public async Task Add_CompleteArticle_AnswersIdAndJcmsStyleUrl()
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
    public async Task Add_RequiredFieldMissing_A03NamingItAndNothingStored(string field)
    {
        var fields = System.Text.RegularExpressions.Regex.Replace(PortalCalls.Fields(), $"<{field}>.*?</{field}>", "");

        var reply = await _client.PostAsync(PortalCalls.Document("A", fields));

        Assert.Equal("A03", reply.Code());
        Assert.Contains(field, reply.Message(), StringComparison.Ordinal);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("portal"));
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("portal")).Errors["A03"]);
    }

    [Theory]
    [InlineData("<索引号>2026-00042</索引号>", "索引号")]
    [InlineData("<成文日期>2026/3/1</成文日期>", "成文日期")]
    [InlineData("<columnid>77</columnid>", "columnid=77")]
    public async Task Add_BadField_A03NamingIt(string extra, string named)
    {
        var fields = PortalCalls.Fields(extra: extra).Replace($"<columnid>{SandboxCredentials.PortalColumnId}</columnid>", extra.StartsWith("<columnid>", StringComparison.Ordinal) ? "" : $"<columnid>{SandboxCredentials.PortalColumnId}</columnid>", StringComparison.Ordinal);

        var reply = await _client.PostAsync(PortalCalls.Document("A", fields));

        Assert.Equal("A03", reply.Code());
        Assert.Contains(named, reply.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_AttachmentNotBase64_A07()
    {
        var reply = await _client.PostAsync(PortalCalls.Document("A", PortalCalls.Fields(extra: "<附件><file name=\"a.pdf\">!!!</file></附件>")));

        Assert.Equal("A07", reply.Code());
        Assert.Contains("a.pdf", reply.Message(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("someone-else", SandboxCredentials.PortalPassword, "A01")]
    [InlineData(SandboxCredentials.PortalUserId, "wrong", "A02")]
    public async Task Receive_BadCredentials_RefusedWithCode(string userId, string password, string code)
    {
        var xml = PortalCalls.Document("A", PortalCalls.Fields(), withCredentials: false)
            .Replace("<article>", $"<userid>{userId}</userid><password>{password}</password><article>", StringComparison.Ordinal);

        var reply = await _client.PostAsync(xml);

        Assert.Equal(code, reply.Code());
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("portal"));
    }

    [Fact]
    public async Task Receive_NoCredentials_A01()
    {
        var reply = await _client.PostAsync(PortalCalls.Document("Q", "", withCredentials: false));

        Assert.Equal("A01", reply.Code());
    }

    [Fact]
    public async Task Receive_CredentialsInQueryFormLabelledBody_AcceptedAsTheOldClientSentThem()
    {
        var path = $"{PortalCalls.Receive}?userid={SandboxCredentials.PortalUserId}&password={Uri.EscapeDataString(SandboxCredentials.PortalPassword)}&charset=UTF-8";

        var reply = await _client.PostAsync(PortalCalls.Document("A", PortalCalls.Fields(), withCredentials: false), path, "application/x-www-form-urlencoded");

        Assert.Equal("0", reply.Code());
        Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
    }

    [Theory]
    [InlineData("not xml at all", "A06")]
    [InlineData("<root><status>A</status></root>", "A06")]
    [InlineData("<main><status>X</status></main>", "A03")]
    public async Task Receive_BadDocument_RefusedWithCode(string xml, string code)
    {
        var reply = await _client.PostAsync(xml);

        Assert.Equal(code, reply.Code());
    }

    [Fact]
    public async Task Update_ExistingArticle_ReplacesFieldsSentKeepsOthersAndId()
    {
        var id = (await _client.AddAsync(extra: "<文号>桐水〔2026〕1号</文号>")).Element("articleid")!.Value;

        var reply = await _client.PostAsync(PortalCalls.Document("U", $"<articleid>{id}</articleid><标题>新标题</标题>"));

        Assert.Equal("0", reply.Code());
        Assert.Equal(id, reply.Element("articleid")!.Value);
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("portal"));
        Assert.Equal("新标题", article.Title);
        Assert.Equal("桐水〔2026〕1号", (string?)article.Metadata["文号"]);
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("portal")).Updates);
    }

    [Fact]
    public async Task UpdateOrDelete_UnknownArticle_A04()
    {
        var update = await _client.PostAsync(PortalCalls.Document("U", "<articleid>99999</articleid><标题>x</标题>"));
        var delete = await _client.PostAsync(PortalCalls.Document("D", "<articleid>99999</articleid>"));

        Assert.Equal("A04", update.Code());
        Assert.Equal("A04", delete.Code());
    }

    [Fact]
    public async Task Delete_Twice_BothSucceedAndArticleFlaggedDeleted()
    {
        var id = (await _client.AddAsync()).Element("articleid")!.Value;

        var first = await _client.PostAsync(PortalCalls.Document("D", $"<articleid>{id}</articleid>"));
        var second = await _client.PostAsync(PortalCalls.Document("D", $"<articleid>{id}</articleid>"));

        Assert.Equal("0", first.Code());
        Assert.Equal("0", second.Code());
        Assert.True(Assert.Single(await _sandbox.Control.GetArticlesAsync("portal")).Deleted);
    }

    [Fact]
    public async Task Query_BySourceId_FindsOnlyLiveArticlesOfThatReference()
    {
        var deleted = (await _client.AddAsync("txsl-7")).Element("articleid")!.Value;
        await _client.PostAsync(PortalCalls.Document("D", $"<articleid>{deleted}</articleid>"));
        var live = (await _client.AddAsync("txsl-7")).Element("articleid")!.Value;
        await _client.AddAsync("txsl-70");

        var reply = await _client.PostAsync(PortalCalls.Document("Q", "<sourceid>txsl-7</sourceid>"));

        Assert.Equal("1", reply.Element("count")!.Value);
        var found = Assert.Single(reply.Element("articles")!.Elements("article"));
        Assert.Equal(live, found.Element("articleid")!.Value);
        Assert.Equal("txsl-7", found.Element("sourceid")!.Value);
    }
}
