using System.Net;
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

        Assert.Equal("ERR_PARAM_INVALID", answer.FaultCode);
        Assert.Contains(named, answer.FaultMessage, StringComparison.Ordinal);
        Assert.Empty(await _sandbox.Control.GetArticlesAsync("approval"));
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("approval")).Errors["ERR_PARAM_INVALID"]);
    }

    [Fact]
    public async Task Save_UnknownChannelOrDocument_ObjectNotFound()
    {
        var channel = await _client.CallAsync(_session, "wcm6_document", "save", ("ObjectId", "0"), ("ChannelId", "999"), ("DOCTITLE", "标题"));
        var document = await _client.SaveAsync(_session, 42, "标题");

        Assert.Equal("ERR_OBJECT_NOTFOUND", channel.FaultCode);
        Assert.Equal("ERR_OBJECT_NOTFOUND", document.FaultCode);
    }

    [Fact]
    public async Task Query_ByReferenceField_FindsOnlyLiveDocumentsOfThatItem()
    {
        await _client.SaveAsync(_session, 0, "甲", ("ISPUSH", "item-a"));
        await _client.SaveAsync(_session, 0, "乙", ("ISPUSH", "item-b"));
        await _client.SaveAsync(_session, 0, "甲二", ("ISPUSH", "item-a"));
        await _client.CallAsync(_session, "wcm6_document", "delete", ("ObjectIds", "3"), ("ChannelId", "101"), ("Drop", "false"));

        var answer = await _client.CallAsync(_session, "wcm6_document", "query", ("ChannelId", "101"), ("ISPUSH", "item-a"));

        Assert.Equal("1", answer.Text("NUM"));
        Assert.Equal("1", Assert.Single(answer.Root.Elements("VIEWDOCUMENT")).Element("DOCID")!.Value);
    }

    [Fact]
    public async Task Publish_ThenFindById_PageAddressAnswersWithMetadata()
    {
        await _client.SaveAsync(_session, 0, "关于审批事项的公告");
        await _client.CallAsync(_session, "wcm6_MetaDataCenter", "savemetaviewdata", ("ObjectId", "1"), ("ViewId", "1"), ("IDXID", "002482285/2026-00001"), ("PUBLISHER", "桐乡市行政审批服务中心"));
        var unpublished = await _client.CallAsync(_session, "wcm6_document", "findById", ("ObjectId", "1"));

        var report = await _client.CallAsync(_session, "wcm6_publish", "directPublish", ("ObjectIds", "1"), ("ObjectType", "605"));
        var found = await _client.CallAsync(_session, "wcm6_document", "findById", ("ObjectId", "1"));

        Assert.Equal("", unpublished.Text("DOCPUBURL"));
        Assert.Equal("true", report.Text("IS_SUCCESS"));
        Assert.Equal("10", found.Root.Element("DOCSTATUS")!.Element("ID")!.Value);
        var page = await _client.GetStringAsync(new Uri(found.Text("DOCPUBURL")));
        Assert.Contains("002482285/2026-00001", page, StringComparison.Ordinal);
        Assert.Contains("关于审批事项的公告", page, StringComparison.Ordinal);
        var article = Assert.Single(await _sandbox.Control.GetArticlesAsync("approval"));
        Assert.Equal("桐乡市行政审批服务中心", article.Metadata["metaView"]!["PUBLISHER"]!.GetValue<string>());
        Assert.Equal(found.Text("DOCPUBURL"), article.Url.AbsoluteUri);
    }

    [Fact]
    public async Task MetaViewData_UnknownView_FaultNamingIt()
    {
        await _client.SaveAsync(_session, 0, "标题");

        var answer = await _client.CallAsync(_session, "wcm6_MetaDataCenter", "savemetaviewdata", ("ObjectId", "1"), ("ViewId", "7"));

        Assert.Equal("ERR_OBJECT_NOTFOUND", answer.FaultCode);
        Assert.Contains("ViewId=7", answer.FaultMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Twice_OneDeleteAndThePageGone()
    {
        await _client.SaveAsync(_session, 0, "标题");
        await _client.CallAsync(_session, "wcm6_publish", "directPublish", ("ObjectIds", "1"));
        var url = (await _client.CallAsync(_session, "wcm6_document", "findById", ("ObjectId", "1"))).Text("DOCPUBURL");

        var first = await _client.CallAsync(_session, "wcm6_document", "delete", ("ObjectIds", "1"), ("ChannelId", "101"), ("Drop", "false"));
        var second = await _client.CallAsync(_session, "wcm6_document", "delete", ("ObjectIds", "1"), ("ChannelId", "101"), ("Drop", "false"));

        Assert.False(first.IsFault);
        Assert.False(second.IsFault);
        Assert.True(Assert.Single(await _sandbox.Control.GetArticlesAsync("approval")).Deleted);
        Assert.Equal(1, (await _sandbox.Control.GetStatsAsync("approval")).Deletes);
        using var page = await _client.GetAsync(new Uri(url));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task UnknownMethod_FaultNamingTheService()
    {
        var answer = await _client.CallAsync(_session, "wcm6_document", "frobnicate");

        Assert.Equal("ERR_SERVICE_NOTFOUND", answer.FaultCode);
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
