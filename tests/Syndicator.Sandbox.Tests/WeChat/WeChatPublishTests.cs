using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Syndicator.Sandbox.Tests.WeChat;

public sealed class WeChatPublishTests : IAsyncLifetime
{
    private WeChatSandbox _wechat = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _wechat = await WeChatSandbox.StartAsync();
        _token = await _wechat.AccessTokenAsync();
    }

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    [Fact]
    public async Task Submit_Draft_AnswersPublishIdBeyondInt32AsString()
    {
        var answer = await Submit(await _wechat.DraftAsync(_token));

        Assert.Equal(0, answer.Errcode());
        Assert.Equal(JsonValueKind.String, answer.GetProperty("publish_id").ValueKind);
        Assert.True(long.Parse(answer.Str("publish_id"), System.Globalization.CultureInfo.InvariantCulture) > int.MaxValue);
    }

    [Fact]
    public async Task Get_BeforeAndAfterTheDelay_MovesFrom1To0WithArticleUrl()
    {
        var publishId = (await Submit(await _wechat.DraftAsync(_token))).Str("publish_id");

        var publishing = await Get(publishId);
        _wechat.Time.Advance(TimeSpan.FromSeconds(2));
        var done = await Get(publishId);

        Assert.Equal(1, publishing.GetProperty("publish_status").GetInt32());
        Assert.False(publishing.TryGetProperty("article_id", out _));
        Assert.Equal(0, done.GetProperty("publish_status").GetInt32());
        Assert.Equal(JsonValueKind.Number, done.GetProperty("publish_id").ValueKind);
        Assert.False(string.IsNullOrEmpty(done.Str("article_id")));
        var item = done.GetProperty("article_detail").GetProperty("item")[0];
        Assert.Equal(1, item.GetProperty("idx").GetInt32());
        Assert.Contains("/wechat/site/s/", item.Str("article_url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_DelayAndFinalStatus_ApplyToTheNextJobOnly()
    {
        await _wechat.SettingsAsync("""{"publishDelaySeconds":60,"nextPublishStatus":4}""");
        var failing = (await Submit(await _wechat.DraftAsync(_token))).Str("publish_id");
        var next = (await Submit(await _wechat.DraftAsync(_token))).Str("publish_id");

        _wechat.Time.Advance(TimeSpan.FromSeconds(59));
        var early = await Get(failing);
        _wechat.Time.Advance(TimeSpan.FromSeconds(1));
        var failed = await Get(failing);
        var succeeded = await Get(next);

        Assert.Equal(1, early.GetProperty("publish_status").GetInt32());
        Assert.Equal(4, failed.GetProperty("publish_status").GetInt32());
        Assert.Equal([1], failed.GetProperty("fail_idx").EnumerateArray().Select(i => i.GetInt32()));
        Assert.Equal(0, succeeded.GetProperty("publish_status").GetInt32());
    }

    [Fact]
    public async Task Publish_Succeeded_PageShowsTheArticleAndDraftIsGone()
    {
        var mediaId = await _wechat.DraftAsync(_token, "发布标题", "<p>发布正文</p>");
        var articleId = await PublishAsync(mediaId);

        var url = (await Get(articleId.PublishId)).GetProperty("article_detail").GetProperty("item")[0].Str("article_url");
        var page = await _wechat.Client.GetStringAsync(new Uri(url));
        var draft = await _wechat.CallAsync("draft/get", $$"""{"media_id":"{{mediaId}}"}""", _token);

        Assert.Contains("发布标题", page, StringComparison.Ordinal);
        Assert.Contains("<p>发布正文</p>", page, StringComparison.Ordinal);
        Assert.Equal(40007, draft.Errcode());
    }

    [Fact]
    public async Task GetArticle_Published_AnswersNewsItemNotDeleted()
    {
        var (articleId, _) = await PublishAsync(await _wechat.DraftAsync(_token, "文章"));

        var item = (await _wechat.CallAsync("freepublish/getarticle", $$"""{"article_id":"{{articleId}}"}""", _token)).GetProperty("news_item")[0];

        Assert.Equal("文章", item.Str("title"));
        Assert.False(item.GetProperty("is_deleted").GetBoolean());
    }

    [Fact]
    public async Task Delete_Published_FlagsItEverywhereAndPageIsGone()
    {
        var (articleId, publishId) = await PublishAsync(await _wechat.DraftAsync(_token));
        var url = (await Get(publishId)).GetProperty("article_detail").GetProperty("item")[0].Str("article_url");

        var answer = await _wechat.CallAsync("freepublish/delete", $$"""{"article_id":"{{articleId}}","index":0}""", _token);
        var item = (await _wechat.CallAsync("freepublish/getarticle", $$"""{"article_id":"{{articleId}}"}""", _token)).GetProperty("news_item")[0];
        using var page = await _wechat.Client.GetAsync(new Uri(url));
        var listed = Assert.Single(await _wechat.Server.Control.GetArticlesAsync("wechat"));

        Assert.Equal(0, answer.Errcode());
        Assert.True(item.GetProperty("is_deleted").GetBoolean());
        Assert.Equal(5, (await Get(publishId)).GetProperty("publish_status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.True(listed.Deleted);
    }

    [Fact]
    public async Task BatchGet_TwoPublished_ListsThemNewestFirst()
    {
        var (first, _) = await PublishAsync(await _wechat.DraftAsync(_token, "一"));
        var (second, _) = await PublishAsync(await _wechat.DraftAsync(_token, "二"));

        var answer = await _wechat.CallAsync("freepublish/batchget", """{"offset":0,"count":10,"no_content":0}""", _token);

        Assert.Equal(2, answer.GetProperty("total_count").GetInt32());
        Assert.Equal([second!, first!], answer.GetProperty("item").EnumerateArray().Select(i => i.Str("article_id")).ToArray());
    }

    [Fact]
    public async Task ControlArticles_Published_ListsArticleWithHashUrlAndMetadata()
    {
        var content = "<p>控制面</p>";
        var (articleId, publishId) = await PublishAsync(await _wechat.DraftAsync(_token, "控制标题", content));

        var article = Assert.Single(await _wechat.Server.Control.GetArticlesAsync("wechat"));
        using var page = await _wechat.Client.GetAsync(article.Url);

        Assert.Equal(articleId, article.RemoteId);
        Assert.Equal("控制标题", article.Title);
        Assert.Null(article.SourceId);
        Assert.False(article.Deleted);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))), article.ContentHash);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(long.Parse(publishId, System.Globalization.CultureInfo.InvariantCulture), (long)article.Metadata["publish_id"]!);
        Assert.Equal("水利局", (string)article.Metadata["author"]!);
        Assert.Equal("https://example.org/a/1", (string)article.Metadata["content_source_url"]!);
        Assert.False(string.IsNullOrEmpty((string?)article.Metadata["thumb_media_id"]));
    }

    [Fact]
    public async Task Stats_PublishAndDelete_CountOneCreateAndOneDelete()
    {
        var (articleId, _) = await PublishAsync(await _wechat.DraftAsync(_token));
        await _wechat.SettingsAsync("""{"nextPublishStatus":3}""");
        await PublishAsync(await _wechat.DraftAsync(_token));
        await _wechat.CallAsync("freepublish/delete", $$"""{"article_id":"{{articleId}}"}""", _token);

        var stats = await _wechat.Server.Control.GetStatsAsync("wechat");

        Assert.Equal(1, stats.Creates);
        Assert.Equal(0, stats.Updates);
        Assert.Equal(1, stats.Deletes);
    }

    [Fact]
    public async Task Submit_UnknownDraft_Answers40007()
    {
        var answer = await Submit("no-such-draft");

        Assert.Equal(40007, answer.Errcode());
    }

    private Task<JsonElement> Submit(string mediaId) => _wechat.CallAsync("freepublish/submit", $$"""{"media_id":"{{mediaId}}"}""", _token);

    private Task<JsonElement> Get(string publishId) => _wechat.CallAsync("freepublish/get", $$"""{"publish_id":"{{publishId}}"}""", _token);

    /// <summary>Submits, lets the job finish and answers the article_id (null when the job failed) and publish_id.</summary>
    private async Task<(string? ArticleId, string PublishId)> PublishAsync(string mediaId)
    {
        var publishId = (await Submit(mediaId)).Str("publish_id");
        _wechat.Time.Advance(TimeSpan.FromSeconds(2));
        var done = await Get(publishId);
        return (done.TryGetProperty("article_id", out var id) ? id.GetString() : null, publishId);
    }
}
