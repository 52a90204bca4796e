using System.Text.Json;

namespace Syndicator.Sandbox.Tests.WeChat;

public sealed class WeChatDraftTests : IAsyncLifetime
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
    public async Task Add_OneArticle_GetAnswersItAsStored()
    {
        var mediaId = await _wechat.DraftAsync(_token, "标题", "<p>第一段</p>");

        var item = (await Get(mediaId)).GetProperty("news_item")[0];

        Assert.Equal("标题", item.Str("title"));
        Assert.Equal("水利局", item.Str("author"));
        Assert.Equal("<p>第一段</p>", item.Str("content"));
        Assert.Equal("第一段", item.Str("digest"));
        Assert.Equal("https://example.org/a/1", item.Str("content_source_url"));
    }

    [Theory]
    [InlineData(0, 44003)]
    [InlineData(9, 45008)]
    public async Task Add_ArticleCountOutside1To8_AnswersErrcode(int count, int errcode)
    {
        var thumb = await _wechat.ThumbAsync(_token);
        var article = $$"""{"title":"t","content":"c","thumb_media_id":"{{thumb}}"}""";

        var answer = await Add($$"""{"articles":[{{string.Join(',', Enumerable.Repeat(article, count))}}]}""");

        Assert.Equal(errcode, answer.Errcode());
    }

    [Fact]
    public async Task Add_EightArticles_AnswersMediaId()
    {
        var thumb = await _wechat.ThumbAsync(_token);
        var article = $$"""{"title":"t","content":"c","thumb_media_id":"{{thumb}}"}""";

        var answer = await Add($$"""{"articles":[{{string.Join(',', Enumerable.Repeat(article, 8))}}]}""");

        Assert.Equal(8, (await Get(answer.Str("media_id"))).GetProperty("news_item").GetArrayLength());
    }

    [Theory]
    [InlineData("title", 32, 33, 45003)]
    [InlineData("author", 16, 17, 45110)]
    [InlineData("digest", 128, 129, 45004)]
    [InlineData("content", 19_999, 20_000, 45002)]
    public async Task Add_FieldOverItsLimit_AnswersErrcode(string field, int longest, int tooLong, int errcode)
    {
        var thumb = await _wechat.ThumbAsync(_token);
        string Body(int length) => JsonSerializer.Serialize(new
        {
            articles = new[] { new Dictionary<string, string> { ["title"] = "t", ["content"] = "c", ["thumb_media_id"] = thumb, [field] = new string('水', length) } },
        });

        var fits = await Add(Body(longest));
        var refused = await Add(Body(tooLong));

        Assert.Equal(0, fits.Errcode());
        Assert.Equal(errcode, refused.Errcode());
    }

    [Fact]
    public async Task Add_TemporaryOrUnknownCover_Answers40007()
    {
        var image = await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Png(100));

        var answer = await Add($$"""{"articles":[{"title":"t","content":"c","thumb_media_id":"{{image.Str("url")}}"}]}""");

        Assert.Equal(40007, answer.Errcode());
    }

    [Fact]
    public async Task Add_UnsafeHtml_StoresItSanitized()
    {
        var own = (await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Png(100))).Str("url");
        var html = $"""<p onclick="x()" style="color:red">a<script>alert(1)</script></p><img src="{own}"><img src="https://evil.example/x.png"><a href="https://example.org">外链</a><a href="javascript:go()">j</a><a href="https://mp.weixin.qq.com/s/abc">文章</a>""";

        var mediaId = await _wechat.DraftAsync(_token, content: JsonEncodedText.Encode(html).ToString());
        var content = (await Get(mediaId)).GetProperty("news_item")[0].Str("content");

        Assert.Equal($"""<p style="color:red">a</p><img src="{own}">外链j<a href="https://mp.weixin.qq.com/s/abc">文章</a>""", content);
    }

    [Fact]
    public async Task Update_OneArticle_ReplacesItAtTheIndex()
    {
        var mediaId = await _wechat.DraftAsync(_token);
        var thumb = await _wechat.ThumbAsync(_token);

        var answer = await _wechat.CallAsync("draft/update", $$$"""
            {"media_id":"{{{mediaId}}}","index":0,"articles":{"title":"新标题","content":"<p>新</p>","thumb_media_id":"{{{thumb}}}"}}
            """, _token);
        var item = (await Get(mediaId)).GetProperty("news_item")[0];

        Assert.Equal(0, answer.Errcode());
        Assert.Equal("新标题", item.Str("title"));
        Assert.Equal(thumb, item.Str("thumb_media_id"));
    }

    [Fact]
    public async Task Delete_Draft_GetAnswers40007AndCountDrops()
    {
        var kept = await _wechat.DraftAsync(_token);
        var deleted = await _wechat.DraftAsync(_token);

        var answer = await _wechat.CallAsync("draft/delete", $$"""{"media_id":"{{deleted}}"}""", _token);
        var count = await _wechat.CallAsync("draft/count", "{}", _token);

        Assert.Equal(0, answer.Errcode());
        Assert.Equal(40007, (await Get(deleted)).Errcode());
        Assert.Equal(0, (await Get(kept)).Errcode());
        Assert.Equal(1, count.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task BatchGet_TwoDrafts_ListsThemNewestFirstWithoutContentWhenAsked()
    {
        var older = await _wechat.DraftAsync(_token, "旧");
        _wechat.Time.Advance(TimeSpan.FromSeconds(1));
        var newer = await _wechat.DraftAsync(_token, "新");

        var answer = await _wechat.CallAsync("draft/batchget", """{"offset":0,"count":20,"no_content":1}""", _token);
        var items = answer.GetProperty("item");

        Assert.Equal(2, answer.GetProperty("total_count").GetInt32());
        Assert.Equal([newer, older], items.EnumerateArray().Select(i => i.Str("media_id")).ToArray());
        Assert.Equal(string.Empty, items[0].GetProperty("content").GetProperty("news_item")[0].Str("content"));
    }

    private Task<JsonElement> Add(string json) => _wechat.CallAsync("draft/add", json, _token);

    private Task<JsonElement> Get(string mediaId) => _wechat.CallAsync("draft/get", $$"""{"media_id":"{{mediaId}}"}""", _token);

    [Theory]
    [InlineData("""{"coverMinWidth":200}""", 199, 300, 53402)]
    [InlineData("""{"coverMinWidth":200}""", 200, 300, 0)]
    [InlineData("""{"coverMaxAspect":3}""", 900, 200, 53402)]
    [InlineData("""{}""", 1, 1, 0)]
    public async Task Add_CoverBelowTheConfiguredSizeOrShape_Answers53402(string rule, int width, int height, int errcode)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, await _wechat.SettingsAsync(rule));
        var cover = (await _wechat.UploadAsync("material/add_material?type=image", _token, WeChatSandbox.PngOf(width, height))).Str("media_id");

        var answer = await Add($$"""{"articles":[{"title":"t","content":"c","thumb_media_id":"{{cover}}"}]}""");

        Assert.Equal(errcode, answer.Errcode());
    }

    [Theory]
    [InlineData("title", """{"titleByteLimit":60}""", 20, 21, 45003)]
    [InlineData("author", """{"authorByteLimit":20}""", 6, 7, 45110)]
    public async Task Add_StrictByteMode_CountsUtf8Bytes(string field, string rule, int fits, int tooLong, int errcode)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, await _wechat.SettingsAsync(rule));
        var thumb = await _wechat.ThumbAsync(_token);
        string Body(int length) => JsonSerializer.Serialize(new
        {
            articles = new[] { new Dictionary<string, string> { ["title"] = "t", ["content"] = "c", ["thumb_media_id"] = thumb, [field] = new string('水', length) } },
        });

        Assert.Equal(0, (await Add(Body(fits))).Errcode());
        Assert.Equal(errcode, (await Add(Body(tooLong))).Errcode());
    }
}
