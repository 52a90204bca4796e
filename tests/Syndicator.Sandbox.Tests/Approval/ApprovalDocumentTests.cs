using System.Net;
using System.Text.Json.Nodes;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Approval;

public sealed class ApprovalDocumentTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _client = null!;
    private string _session = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _client = ApprovalCalls.CreateClient(_sandbox);
        _session = (await _client.LoginAsync()).Session!;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Save_ObjectIdZeroTwice_TwoDocumentsNeverDeduplicated()
    {
        var first = await _client.SaveAsync(_session, 0, "同一标题", ("ISPUSH", "item-1"));
        var second = await _client.SaveAsync(_session, 0, "同一标题", ("ISPUSH", "item-1"));

        Assert.Equal("1", first.Root.Value);
        Assert.Equal("2", second.Root.Value);
        var articles = await _sandbox.Control.GetArticlesAsync("approval");
        Assert.Equal(2, articles.Count);
        Assert.All(articles, a => Assert.Equal("item-1", a.SourceId));
        Assert.Equal(2, (await _sandbox.Control.GetStatsAsync("approval")).Creates);
    }

    [Fact]
    public async Task Save_ExistingId_UpdatesInPlace()
    {
        await _client.SaveAsync(_session, 0, "第一版");

        var updated = await _client.SaveAsync(_session, 1, "第二版");

        Assert.Equal("1", updated.Root.Value);
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("approval"));
        Assert.Equal("第二版", article.Title);
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("approval")).Updates);
    }

    [Theory]
    [InlineData("DOCTITLE", "", "DOCTITLE")]
    [InlineData("ObjectId", "abc", "ObjectId")]
    [InlineData("DOCTYPE", "99", "DOCTYPE")]
    [InlineData("ChannelId", "-1", "ChannelId")]
    public async Task Save_BadParameter_FaultNamingIt(string name, string value, string named)
    {
        var parameters = new Dictionary<string, string> { ["ObjectId"] = "0", ["ChannelId"] = "101", ["DOCTYPE"] = "20", ["DOCTITLE"] = "标题", [name] = value };

        var answer = await _client.CallAsync(_session, "wcm6_document", "save", [.. parameters.Select(p => (p.Key, p.Value))]);

        Assert.Equal("10", answer.FaultCode);
        Assert.Contains(named, answer.FaultMessage, StringComparison.Ordinal);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("approval"));
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("approval")).Errors["10"]);
    }

    [Fact]
    public async Task Save_UnknownChannelOrDocument_ObjectNotFound()
    {
        var channel = await _client.CallAsync(_session, "wcm6_document", "save", ("ObjectId", "0"), ("ChannelId", "999"), ("DOCTITLE", "标题"));
        var document = await _client.SaveAsync(_session, 42, "标题");

        Assert.Equal("1011", channel.FaultCode);
        Assert.Equal("1011", document.FaultCode);
    }

    [Fact]
    public async Task T5_ViewDocumentQuery_LiveDocumentsNewestFirstPaged_DocumentQueryNotServed()
    {
        await _client.SaveAsync(_session, 0, "甲");
        await _client.SaveAsync(_session, 0, "乙");
        await _client.SaveAsync(_session, 0, "丙");
        await _client.CallAsync(_session, "wcm6_document", "delete", ("ObjectIds", "3"), ("ChannelId", "101"), ("Drop", "false"));

        var first = await _client.CallAsync(_session, "wcm61_viewdocument", "query", ("ChannelId", "101"), ("PageSize", "1"), ("CurrPage", "1"));
        var second = await _client.CallAsync(_session, "wcm61_viewdocument", "query", ("ChannelId", "101"), ("PageSize", "1"), ("CurrPage", "2"));
        var stub = await _client.CallAsync(_session, "wcm6_document", "query", ("ChannelId", "101"));

        Assert.Equal("2", first.Text("NUM"));
        Assert.Equal("2", Assert.Single(first.Root.Elements("VIEWDOCUMENT")).Element("DOCID")!.Value);
        Assert.Equal("1", Assert.Single(second.Root.Elements("VIEWDOCUMENT")).Element("DOCID")!.Value);
        Assert.Equal("1100", stub.FaultCode);
    }

    [Fact]
    public async Task T7_Publish_ThenFindById_NoDocPubUrlUnlessConfigured_PageAnswersWithMetadata()
    {
        var created = await _client.CallAsync(_session, "wcm6_MetaDataCenter", "savemetaviewdata", ("ObjectId", "0"), ("CHANNELID", "101"),
            ("DOCTITLE", "关于审批事项的公告"), ("DOCHTMLCON", "<p>正文</p>"), ("IDXID", "002482285/2026-00001"), ("PUBLISHER", "桐乡市行政审批服务中心"), ("NOTINVIEW", "x"));
        var id = created.Text("METADATAID");

        var report = await _client.CallAsync(_session, "wcm6_publish", "directPublish", ("ObjectIds", id), ("ObjectType", "605"));
        var found = await _client.CallAsync(_session, "wcm6_document", "findById", ("ObjectId", id));
        await _sandbox.SetApprovalSettingsAsync(new JsonObject { ["returnDocPubUrl"] = true });
        var withUrl = await _client.CallAsync(_session, "wcm6_document", "findById", ("ObjectId", id));

        Assert.Equal("true", report.Text("IS_SUCCESS"));
        Assert.Equal("10", found.Root.Element("DOCSTATUS")!.Element("ID")!.Value);
        Assert.Null(found.Root.Element("DOCPUBURL"));
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("approval"));
        Assert.Equal(withUrl.Text("DOCPUBURL"), article.Url.AbsoluteUri);
        var page = await _client.GetStringAsync(article.Url);
        Assert.Contains("002482285/2026-00001", page, StringComparison.Ordinal);
        Assert.Contains("关于审批事项的公告", page, StringComparison.Ordinal);
        Assert.Equal("桐乡市行政审批服务中心", article.Metadata["metaView"]!["PUBLISHER"]!.GetValue<string>());
        Assert.Null(article.Metadata["metaView"]!["NOTINVIEW"]);
    }

    [Fact]
    public async Task T4_MetaViewData_NotBothAndOnlyOnViewChannels()
    {
        await _client.SaveAsync(_session, 0, "标题");
        await _sandbox.SetApprovalSettingsAsync(new JsonObject { ["viewChannels"] = new JsonArray(102) });

        var onDocument = await _client.CallAsync(_session, "wcm6_MetaDataCenter", "savemetaviewdata", ("ObjectId", "1"), ("CHANNELID", "102"), ("DOCTITLE", "标题"));
        var unbound = await _client.CallAsync(_session, "wcm6_MetaDataCenter", "savemetaviewdata", ("ObjectId", "0"), ("CHANNELID", "101"), ("DOCTITLE", "标题"));

        Assert.Equal("1011", onDocument.FaultCode);
        Assert.Equal("10", unbound.FaultCode);
        Assert.Contains("未绑定元数据视图", unbound.FaultMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task T3_Save_PictureNamingNoUpload_KeptButMarked()
    {
        await _client.SaveAsync(_session, 0, "标题", ("DOCHTMLCON", "<div class=\"TRS_UEDITOR TRS_WEB\"><img src=\"photo.png\"><img src=\"https://example.org/a.png\"></div>"));

        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("approval"));

        Assert.Equal("photo.png", Assert.Single(article.Metadata["unresolvedImages"]!.AsArray())!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_Twice_OneDeleteAndThePageGone()
    {
        await _client.SaveAsync(_session, 0, "标题");
        await _client.CallAsync(_session, "wcm6_publish", "directPublish", ("ObjectIds", "1"));
        var url = Assert.Single(await _sandbox.Control.GetArticlesAsync("approval")).Url;

        var first = await _client.CallAsync(_session, "wcm6_document", "delete", ("ObjectIds", "1"), ("ChannelId", "101"), ("Drop", "false"));
        var second = await _client.CallAsync(_session, "wcm6_document", "delete", ("ObjectIds", "1"), ("ChannelId", "101"), ("Drop", "false"));

        Assert.False(first.IsFault);
        Assert.False(second.IsFault);
        Assert.True(Assert.Single(await _sandbox.Control.GetArticlesAsync("approval")).Deleted);
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("approval")).Deletes);
        using var page = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task UnknownMethod_FaultNamingTheService()
    {
        var answer = await _client.CallAsync(_session, "wcm6_document", "frobnicate");

        Assert.Equal("1100", answer.FaultCode);
        Assert.Contains("wcm6_document.frobnicate", answer.FaultMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenericFaults_OnTheApprovalPrefix_StatusLatencyResetAndCommitThenReset()
    {
        await _sandbox.Control.AddFaultAsync("approval", SandboxFault.Fail(503) with { Path = "/wcm/center.do" });
        var failed = await _client.SaveAsync(_session, 0, "不会保存");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);

        await _sandbox.Control.AddFaultAsync("approval", SandboxFault.DropConnection() with { Path = "/wcm/center.do" });
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.SaveAsync(_session, 0, "也不会保存"));

        await _sandbox.Control.AddFaultAsync("approval", SandboxFault.CommitThenDropConnection() with { Path = "/wcm/center.do" });
        await Assert.ThrowsAsync<HttpRequestException>(() => _client.SaveAsync(_session, 0, "保存了但没有回答"));

        await _sandbox.Control.AddFaultAsync("approval", SandboxFault.Delay(TimeSpan.FromMilliseconds(300)) with { Path = "/wcm/center.do" });
        var started = System.Diagnostics.Stopwatch.StartNew();
        var slow = await _client.SaveAsync(_session, 0, "慢");

        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(250));
        Assert.False(slow.IsFault);
        Assert.Equal(["保存了但没有回答", "慢"], (await _sandbox.Control.GetArticlesAsync("approval")).Select(a => a.Title));
        Assert.Equal(4, (await _sandbox.Control.GetStatsAsync("approval")).FaultsInjected);
    }
}
