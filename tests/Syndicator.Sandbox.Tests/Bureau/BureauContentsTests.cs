using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Bureau;

public sealed class BureauContentsTests
{
    private static readonly string[] RecordFields =
    [
        "id", "guid", "siteId", "channelId", "checked", "checkedLevel", "title", "subTitle", "body", "summary", "author",
        "source", "imageUrl", "videoUrl", "fileUrl", "tagNames", "groupNames", "sourceId", "referenceId", "templateId",
        "taxis", "hits", "downloads", "top", "recommend", "hot", "color", "linkType", "linkUrl", "addDate", "adminId",
        "createdDate", "lastModifiedDate",
    ];

    [Fact]
    public async Task Create_WithContent_AnswersTheStoredRecord()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();

        var content = await client.CreateAsync("""
            {"title":"关于做好2026年汛期安全工作的通知","body":"<p>正文</p>","summary":"摘要","author":"张三",
             "tagNames":["汛期"],"checked":true,"sourceId":42,"unknownField":"x"}
            """);

        Assert.Equal(RecordFields, content.EnumerateObject().Select(static p => p.Name));
        Assert.Equal(1, content.GetProperty("id").GetInt32());
        Assert.True(Guid.TryParse(content.GetProperty("guid").GetString(), out _));
        Assert.Equal(1, content.GetProperty("siteId").GetInt32());
        Assert.Equal(2, content.GetProperty("channelId").GetInt32());
        Assert.True(content.GetProperty("checked").GetBoolean());
        Assert.Equal("关于做好2026年汛期安全工作的通知", content.GetProperty("title").GetString());
        Assert.Equal("<p>正文</p>", content.GetProperty("body").GetString());
        Assert.Equal("汛期", content.GetProperty("tagNames")[0].GetString());
        Assert.Equal(0, content.GetProperty("sourceId").GetInt32());
        Assert.Equal(0, content.GetProperty("adminId").GetInt32());
        Assert.Equal("None", content.GetProperty("linkType").GetString());
        Assert.Equal(JsonValueKind.Null, content.GetProperty("addDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, content.GetProperty("imageUrl").ValueKind);
    }

    [Fact]
    public async Task Create_EmptyObject_StoresAnUnapprovedContentWithoutTitle()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();

        var content = await client.CreateAsync("{}");

        Assert.Equal(JsonValueKind.Null, content.GetProperty("title").ValueKind);
        Assert.False(content.GetProperty("checked").GetBoolean());
        Assert.Equal(0, content.GetProperty("checkedLevel").GetInt32());
    }

    [Fact]
    public async Task Create_InTwoChannels_IdsCountUpPerSite()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();

        var first = await client.CreateAsync("""{"title":"一"}""", channelId: 2);
        var second = await client.CreateAsync("""{"title":"二"}""", channelId: 3);

        Assert.Equal(1, first.GetProperty("id").GetInt32());
        Assert.Equal(2, second.GetProperty("id").GetInt32());
        Assert.Equal(3, second.GetProperty("channelId").GetInt32());
    }

    [Fact]
    public async Task Create_WithTimeProvider_WritesDatesInServerLocalTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 1, 2, 3, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8"));
        await using var sandbox = await SandboxServer.StartAsync(time);
        using var client = sandbox.CreateClient();

        var content = await client.CreateAsync("""{"title":"t"}""");

        Assert.Equal("2026-03-01 09:02:03", content.GetProperty("createdDate").GetString());
        Assert.Equal("2026-03-01 09:02:03", content.GetProperty("lastModifiedDate").GetString());
    }

    [Fact]
    public async Task Get_CreatedContent_AnswersTheSameRecord()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        var created = await client.CreateAsync("""{"title":"标题","body":"b"}""");

        var read = await client.GetContentAsync(1);

        Assert.Equal(created.GetRawText(), read.GetRawText());
    }

    [Fact]
    public async Task Update_WithSomeFields_ChangesThemAndKeepsTheOthers()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxServer.StartAsync(time);
        using var client = sandbox.CreateClient();
        await client.CreateAsync("""{"title":"旧标题","summary":"摘要","author":"张三"}""");
        time.Advance(TimeSpan.FromMinutes(5));

        using var response = await client.PostAsync(BureauCalls.Content(1) + "/actions/update", """{"title":"新标题","checkedLevel":1}""");
        var answered = await response.JsonAsync();
        var read = await client.GetContentAsync(1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answered.GetRawText(), read.GetRawText());
        Assert.Equal("新标题", read.GetProperty("title").GetString());
        Assert.Equal("摘要", read.GetProperty("summary").GetString());
        Assert.Equal("张三", read.GetProperty("author").GetString());
        Assert.True(read.GetProperty("checked").GetBoolean());
        Assert.Equal("2026-03-01 01:00:00", read.GetProperty("createdDate").GetString());
        Assert.Equal("2026-03-01 01:05:00", read.GetProperty("lastModifiedDate").GetString());
    }

    [Fact]
    public async Task Delete_Content_MovesItToTheRecycleBinAndStaysReadable()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await client.CreateAsync("""{"title":"t","checked":true}""");

        using var deleted = await client.PostAsync(BureauCalls.Content(1) + "/actions/delete");
        var afterDelete = await client.GetContentAsync(1);
        using var deletedAgain = await client.PostAsync(BureauCalls.Content(1) + "/actions/delete");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(2, (await deleted.JsonAsync()).GetProperty("channelId").GetInt32());
        Assert.Equal(-2, afterDelete.GetProperty("channelId").GetInt32());
        Assert.Equal(HttpStatusCode.OK, deletedAgain.StatusCode);
        Assert.Equal(-2, (await client.GetContentAsync(1)).GetProperty("channelId").GetInt32());
    }

    [Fact]
    public async Task Create_ConcurrentCalls_EachGetsItsOwnId()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();

        var contents = await Task.WhenAll(Enumerable.Range(1, 40).Select(i => client.CreateAsync($$"""{"title":"并发{{i}}"}""")));
        var stats = await sandbox.Control.GetStatsAsync("bureau");

        Assert.Equal(Enumerable.Range(1, 40), contents.Select(static c => c.GetProperty("id").GetInt32()).Order());
        Assert.Equal(40, (await sandbox.Control.GetArticlesAsync("bureau")).Count);
        Assert.Equal(40, stats.Creates);
        Assert.Equal(40, stats.Requests);
    }
}
