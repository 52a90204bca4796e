using System.Text.Json;

namespace Syndicator.Sandbox.Tests.WeChat;

/// <summary>
/// Platform-truth W1 (per-API daily limits), W7 (the draft leaves at submit, batchget lists a job's article only once it
/// finished, 20 a page) and W8 (API 群发保护) as the emulator enforces them.
/// </summary>
public sealed class WeChatDailyLimitTests : IAsyncLifetime
{
    private WeChatSandbox _wechat = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _wechat = await WeChatSandbox.StartAsync();
        _token = await _wechat.AccessTokenAsync();
    }

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    [Theory]
    [InlineData("/cgi-bin/freepublish/submit", 100)]
    [InlineData("/cgi-bin/freepublish/get", 100)]
    [InlineData("/cgi-bin/freepublish/getarticle", 100)]
    [InlineData("/cgi-bin/freepublish/batchget", 100)]
    [InlineData("/cgi-bin/freepublish/delete", 10)]
    [InlineData("/cgi-bin/draft/add", 1000)]
    [InlineData("/cgi-bin/draft/get", 500)]
    public async Task QuotaGet_Defaults_ANewAccountsLimits(string path, int limit)
    {
        var answer = await _wechat.CallAsync("openapi/quota/get", $$"""{"cgi_path":"{{path}}"}""", _token);

        Assert.Equal(limit, answer.GetProperty("quota").GetProperty("daily_limit").GetInt32());
    }

    [Fact]
    public async Task Delete_ElevenCallsInADay_TheEleventhAnswered45009UntilTheNextBeijingDay()
    {
        var answers = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            answers.Add((await Delete()).Errcode());
        }

        _wechat.Time.Advance(TimeSpan.FromHours(22)); // 02:00 UTC is 10:00 in Beijing: past the next midnight there
        _token = await _wechat.AccessTokenAsync();
        var nextDay = await Delete();

        Assert.All(answers[..10], e => Assert.Equal(53600, e)); // unknown article, but counted
        Assert.Equal(45009, answers[10]);
        Assert.Equal(53600, nextDay.Errcode());
    }

    [Fact]
    public async Task Get_OverASetLimit_Answers45009()
    {
        await _wechat.SettingsAsync("""{"getDailyLimit":1}""");

        var first = await _wechat.CallAsync("freepublish/get", """{"publish_id":"1"}""", _token);
        var second = await _wechat.CallAsync("freepublish/get", """{"publish_id":"1"}""", _token);

        Assert.Equal(40007, first.Errcode());
        Assert.Equal(45009, second.Errcode());
    }

    [Fact]
    public async Task Submit_JobRunning_DraftGoneAndArticleListedOnlyOnceTheJobFinished()
    {
        await _wechat.SettingsAsync("""{"publishDelaySeconds":60}""");
        var mediaId = await _wechat.DraftAsync(_token, "发布中");

        await _wechat.CallAsync("freepublish/submit", $$"""{"media_id":"{{mediaId}}"}""", _token);
        var draft = await _wechat.CallAsync("draft/get", $$"""{"media_id":"{{mediaId}}"}""", _token);
        var running = await BatchGet(0, 20);
        _wechat.Time.Advance(TimeSpan.FromSeconds(61));
        var finished = await BatchGet(0, 20);

        Assert.Equal(40007, draft.Errcode());
        Assert.Equal(0, running.GetProperty("total_count").GetInt32());
        Assert.Equal(1, finished.GetProperty("total_count").GetInt32());
    }

    [Fact]
    public async Task BatchGet_MoreThanTwenty_Answers47001()
    {
        var answer = await BatchGet(0, 21);

        Assert.Equal(47001, answer.Errcode());
    }

    [Fact]
    public async Task SendAll_ProtectionNeverConfirmed_SendingThenFailedAfterThirtyMinutes()
    {
        await _wechat.SettingsAsync("""{"massSendProtection":true}""");
        var sent = await SendAll(await _wechat.DraftAsync(_token, "群发"));
        var msgId = sent.GetProperty("msg_id").GetInt64();

        var waiting = await MassGet(msgId);
        _wechat.Time.Advance(TimeSpan.FromMinutes(30));
        var failed = await MassGet(msgId);

        Assert.Equal(0, sent.Errcode());
        Assert.Equal("SENDING", waiting.Str("msg_status"));
        Assert.Equal("SEND_FAIL", failed.Str("msg_status"));
        Assert.Empty(await _wechat.Server.Control.GetArticlesAsync("wechat"));
    }

    [Fact]
    public async Task SendAll_ProtectionConfirmedAfterAMinute_SentAndLive()
    {
        await _wechat.SettingsAsync("""{"massSendProtection":true,"massSendConfirmAfterSeconds":60}""");
        var msgId = (await SendAll(await _wechat.DraftAsync(_token, "群发"))).GetProperty("msg_id").GetInt64();

        var waiting = await MassGet(msgId);
        _wechat.Time.Advance(TimeSpan.FromMinutes(1));
        var sent = await MassGet(msgId);

        Assert.Equal("SENDING", waiting.Str("msg_status"));
        Assert.Equal("SEND_SUCCESS", sent.Str("msg_status"));
        Assert.Equal("群发", Assert.Single(await _wechat.Server.Control.GetArticlesAsync("wechat")).Title);
    }

    private Task<JsonElement> Delete() => _wechat.CallAsync("freepublish/delete", """{"article_id":"nope","index":0}""", _token);

    private Task<JsonElement> BatchGet(int offset, int count) =>
        _wechat.CallAsync("freepublish/batchget", $$"""{"offset":{{offset}},"count":{{count}},"no_content":1}""", _token);

    private Task<JsonElement> MassGet(long msgId) => _wechat.CallAsync("message/mass/get", $$"""{"msg_id":{{msgId}}}""", _token);

    private Task<JsonElement> SendAll(string mediaId) => _wechat.CallAsync("message/mass/sendall", $$"""
        {"filter":{"is_to_all":true},"mpnews":{"media_id":"{{mediaId}}"},"msgtype":"mpnews","send_ignore_reprint":0,"clientmsgid":"c-1"}
        """, _token);
}
