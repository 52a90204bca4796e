using System.Net;
using System.Text.Json;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Bureau;

public sealed class BureauListTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _client = _sandbox.CreateClient();
        await _client.CreateAsync("""{"title":"关于汛期安全的通知","checked":true}""");
        await _client.CreateAsync("""{"title":"汛期值班安排"}""");
        await _client.CreateAsync("""{"title":"水利工程验收公告","checked":true}""");
        await _client.CreateAsync("""{"title":"通知公告栏目的一篇","checked":true}""", channelId: 3);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task List_TitleEquals_AnswersTheMatchingContentWithListColumns()
    {
        var result = await _client.ListAsync("""
            {"siteId":1,"channelId":2,"wheres":[{"column":"Title","operator":"=","value":"水利工程验收公告"}]}
            """);

        Assert.Equal(1, result.GetProperty("totalCount").GetInt32());
        var content = Assert.Single(result.GetProperty("contents").EnumerateArray());
        Assert.Equal(3, content.GetProperty("id").GetInt32());
        Assert.Equal("已审核", content.GetProperty("state").GetString());
        Assert.Equal(1, content.GetProperty("sequence").GetInt32());
        Assert.Equal("工作动态", content.GetProperty("channelName").GetString());
        Assert.Equal("后台录入", content.GetProperty("sourceName").GetString());
        Assert.Equal("/contents/2/3.html", content.GetProperty("navigationUrl").GetString());
        Assert.Equal(string.Empty, content.GetProperty("imageUrl").GetString());
        Assert.Equal(string.Empty, content.GetProperty("linkUrl").GetString());
    }

    [Fact]
    public async Task List_TitleLike_MatchesWildcards()
    {
        var result = await _client.ListAsync("""
            {"siteId":1,"channelId":2,"wheres":[{"column":"Title","operator":"like","value":"%汛期%"}],"orders":[{"column":"Id","desc":false}]}
            """);

        Assert.Equal([1, 2], Ids(result));
    }

    [Fact]
    public async Task List_NotEqualsOrderedByIdDescending_AnswersTheOthersNewestFirst()
    {
        var result = await _client.ListAsync("""
            {"siteId":1,"channelId":2,"wheres":[{"column":"Id","operator":"<>","value":"2"}],"orders":[{"column":"Id","desc":true}]}
            """);

        Assert.Equal([3, 1], Ids(result));
    }

    [Fact]
    public async Task List_CheckedFilter_ShowsOnlyReviewStateAskedFor()
    {
        var result = await _client.ListAsync("""{"siteId":1,"channelId":2,"checked":false}""");

        var content = Assert.Single(result.GetProperty("contents").EnumerateArray());
        Assert.Equal(2, content.GetProperty("id").GetInt32());
        Assert.Equal("待审核", content.GetProperty("state").GetString());
    }

    [Fact]
    public async Task List_SecondPage_CountsAllAndAnswersOnePage()
    {
        var result = await _client.ListAsync("""{"siteId":1,"channelId":2,"page":2,"perPage":2,"orders":[{"column":"Id","desc":false}]}""");

        Assert.Equal(3, result.GetProperty("totalCount").GetInt32());
        var content = Assert.Single(result.GetProperty("contents").EnumerateArray());
        Assert.Equal(3, content.GetProperty("id").GetInt32());
        Assert.Equal(3, content.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task List_WithoutChannel_ListsTheWholeSiteNewestFirst()
    {
        var result = await _client.ListAsync("""{"siteId":1}""");

        Assert.Equal([4, 3, 2, 1], Ids(result));
    }

    [Fact]
    public async Task List_AfterDelete_LeavesTheDeletedContentOut()
    {
        using var deleted = await _client.PostAsync(BureauCalls.Content(1) + "/actions/delete");

        var result = await _client.ListAsync("""{"siteId":1,"channelId":2}""");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal([3, 2], Ids(result));
    }

    [Fact]
    public async Task List_UnknownColumn_AnswersAServerFault()
    {
        using var response = await _client.PostAsync(BureauCalls.Contents, """{"siteId":1,"wheres":[{"column":"Nope","value":"x"}]}""");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Nope", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(body.TryGetProperty("createdDate", out _));
    }

    private static int[] Ids(JsonElement result) =>
        [.. result.GetProperty("contents").EnumerateArray().Select(static c => c.GetProperty("id").GetInt32())];
}
