using System.Text.Json;

namespace Syndicator.Sandbox.Tests.WeChat;

public sealed class WeChatMassSendTests : IAsyncLifetime
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
    public async Task SendAll_Draft_AnswersNumericMsgIdAndConsumesTheDraft()
    {
        var mediaId = await _wechat.DraftAsync(_token, "群发");

        var answer = await SendAll(mediaId, "c-1");
        var draft = await _wechat.CallAsync("draft/get", $$"""{"media_id":"{{mediaId}}"}""", _token);
        var article = Assert.Single(await _wechat.Server.Control.GetArticlesAsync("wechat"));

        Assert.Equal(0, answer.Errcode());
        Assert.Equal(JsonValueKind.Number, answer.GetProperty("msg_id").ValueKind);
        Assert.True(answer.GetProperty("msg_id").GetInt64() > int.MaxValue);
        Assert.Equal(40007, draft.Errcode());
        Assert.Equal("群发", article.Title);
        Assert.Equal(answer.GetProperty("msg_id").GetInt64(), (long)article.Metadata["msg_id"]!);
    }

    [Fact]
    public async Task SendAll_UnknownMediaId_Answers40007()
    {
        var answer = await SendAll("not-a-draft", "c-1");

        Assert.Equal(40007, answer.Errcode());
    }

    [Fact]
    public async Task SendAll_DailyQuotaUsed_Answers45028UntilTheNextDay()
    {
        await _wechat.SettingsAsync("""{"massSendDailyLimit":1}""");
        await SendAll(await _wechat.DraftAsync(_token), "c-1");
        var mediaId = await _wechat.DraftAsync(_token);

        var refused = await SendAll(mediaId, "c-2");
        _wechat.Time.Advance(TimeSpan.FromHours(14));
        _token = await _wechat.AccessTokenAsync();
        var nextDay = await SendAll(mediaId, "c-3");

        Assert.Equal(45028, refused.Errcode());
        Assert.Equal(0, nextDay.Errcode());
    }

    [Fact]
    public async Task SendAll_SameClientMsgIdAfter60Seconds_Answers45065WithTheExistingMsgId()
    {
        var first = await SendAll(await _wechat.DraftAsync(_token), "same");
        _wechat.Time.Advance(TimeSpan.FromSeconds(60));

        var again = await SendAll(await _wechat.DraftAsync(_token), "same");

        Assert.Equal(45065, again.Errcode());
        Assert.Equal(first.GetProperty("msg_id").GetInt64(), again.GetProperty("msg_id").GetInt64());
        Assert.Single(await _wechat.Server.Control.GetArticlesAsync("wechat"));
    }

    [Fact]
    public async Task SendAll_SameClientMsgIdWithin60Seconds_Answers45066()
    {
        await SendAll(await _wechat.DraftAsync(_token), "same");
        _wechat.Time.Advance(TimeSpan.FromSeconds(59));

        var again = await SendAll(await _wechat.DraftAsync(_token), "same");

        Assert.Equal(45066, again.Errcode());
    }

    [Fact]
    public async Task SendAll_SameClientMsgIdAfter24Hours_SendsAgain()
    {
        await SendAll(await _wechat.DraftAsync(_token), "same");
        _wechat.Time.Advance(TimeSpan.FromHours(24));
        _token = await _wechat.AccessTokenAsync();

        var again = await SendAll(await _wechat.DraftAsync(_token), "same");

        Assert.Equal(0, again.Errcode());
    }

    [Fact]
    public async Task SendAll_ClientMsgIdOver64Bytes_Answers45067()
    {
        var mediaId = await _wechat.DraftAsync(_token);

        var fits = await SendAll(mediaId, new string('a', 64));
        var refused = await SendAll(await _wechat.DraftAsync(_token), new string('b', 65));

        Assert.Equal(0, fits.Errcode());
        Assert.Equal(45067, refused.Errcode());
    }

    [Fact]
    public async Task MassGet_SentMessage_AnswersSendSuccess()
    {
        var msgId = (await SendAll(await _wechat.DraftAsync(_token), "c-1")).GetProperty("msg_id").GetInt64();

        var answer = await _wechat.CallAsync("message/mass/get", $$"""{"msg_id":"{{msgId}}"}""", _token);
        var unknown = await _wechat.CallAsync("message/mass/get", """{"msg_id":"1"}""", _token);

        Assert.Equal(msgId, answer.GetProperty("msg_id").GetInt64());
        Assert.Equal("SEND_SUCCESS", answer.Str("msg_status"));
        Assert.Equal(40059, unknown.Errcode());
    }

    private Task<JsonElement> SendAll(string mediaId, string clientMsgId) => _wechat.CallAsync("message/mass/sendall", $$"""
        {"filter":{"is_to_all":true},"mpnews":{"media_id":"{{mediaId}}"},"msgtype":"mpnews","send_ignore_reprint":0,"clientmsgid":"{{clientMsgId}}"}
        """, _token);
}
