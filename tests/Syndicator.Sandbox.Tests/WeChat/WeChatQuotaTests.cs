using System.Net;
using System.Text.Json;

namespace Syndicator.Sandbox.Tests.WeChat;

public sealed class WeChatQuotaTests : IAsyncLifetime
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
    public async Task QuotaGet_AfterSubmitAndSendAll_ReportsUsedAndRemain()
    {
        await _wechat.SettingsAsync("""{"massSendDailyLimit":4}""");
        await _wechat.CallAsync("freepublish/submit", $$"""{"media_id":"{{await _wechat.DraftAsync(_token)}}"}""", _token);
        await _wechat.CallAsync("message/mass/sendall", $$"""{"filter":{"is_to_all":true},"mpnews":{"media_id":"{{await _wechat.DraftAsync(_token)}}"},"msgtype":"mpnews"}""", _token);

        var submit = (await Quota("/cgi-bin/freepublish/submit")).GetProperty("quota");
        var sendAll = (await Quota("/cgi-bin/message/mass/sendall")).GetProperty("quota");

        Assert.Equal((100, 1, 99), (submit.GetProperty("daily_limit").GetInt32(), submit.GetProperty("used").GetInt32(), submit.GetProperty("remain").GetInt32()));
        Assert.Equal((4, 1, 3), (sendAll.GetProperty("daily_limit").GetInt32(), sendAll.GetProperty("used").GetInt32(), sendAll.GetProperty("remain").GetInt32()));
    }

    [Fact]
    public async Task QuotaGet_UnknownPath_Answers76021()
    {
        var answer = await Quota("/cgi-bin/nowhere");

        Assert.Equal(76021, answer.Errcode());
    }

    [Fact]
    public async Task ClearQuota_AfterDailyLimit_LetsCallsThroughAgain()
    {
        await _wechat.SettingsAsync("""{"submitDailyLimit":1}""");
        await _wechat.CallAsync("freepublish/submit", $$"""{"media_id":"{{await _wechat.DraftAsync(_token)}}"}""", _token);
        var mediaId = await _wechat.DraftAsync(_token);
        var refused = await _wechat.CallAsync("freepublish/submit", $$"""{"media_id":"{{mediaId}}"}""", _token);

        var cleared = await ClearQuota(SandboxCredentials.WeChatAppId);
        var accepted = await _wechat.CallAsync("freepublish/submit", $$"""{"media_id":"{{mediaId}}"}""", _token);

        Assert.Equal(45009, refused.Errcode());
        Assert.Equal(0, cleared.Errcode());
        Assert.Equal(0, accepted.Errcode());
    }

    [Fact]
    public async Task ClearQuota_MonthlyLimitUsed_Answers48006()
    {
        await _wechat.SettingsAsync("""{"clearQuotaMonthlyLimit":1}""");
        await ClearQuota(SandboxCredentials.WeChatAppId);

        var answer = await ClearQuota(SandboxCredentials.WeChatAppId);

        Assert.Equal(48006, answer.Errcode());
    }

    [Fact]
    public async Task ClearQuota_OtherAppId_Answers40013()
    {
        var answer = await ClearQuota("wx0000000000000000");

        Assert.Equal(40013, answer.Errcode());
    }

    [Fact]
    public async Task ClearQuotaV2_WithSecretAndNoToken_ClearsTheTokenQuota()
    {
        await _wechat.SettingsAsync("""{"tokenDailyLimit":1}""");
        var refused = await _wechat.TokenAsync();

        var cleared = await _wechat.CallAsync("clear_quota/v2", $$"""
            {"appid":"{{SandboxCredentials.WeChatAppId}}","appsecret":"{{SandboxCredentials.WeChatAppSecret}}"}
            """, token: null);
        var accepted = await _wechat.TokenAsync();

        Assert.Equal(45009, refused.Errcode());
        Assert.Equal(0, cleared.Errcode());
        Assert.Equal(0, accepted.Errcode());
    }

    [Fact]
    public async Task Settings_UnknownField_Answers400AndChangesNothing()
    {
        var status = await _wechat.SettingsAsync("""{"submitDailyLimit":1,"nope":2}""");
        var submit = (await Quota("/cgi-bin/freepublish/submit")).GetProperty("quota");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(100, submit.GetProperty("daily_limit").GetInt32());
    }

    [Fact]
    public async Task Reset_AfterSettingsAndArticles_RestoresDefaultsAndEmptiesEverything()
    {
        await _wechat.SettingsAsync("""{"submitDailyLimit":1,"publishDelaySeconds":0}""");
        await _wechat.CallAsync("freepublish/submit", $$"""{"media_id":"{{await _wechat.DraftAsync(_token)}}"}""", _token);
        Assert.Single(await _wechat.Server.Control.GetArticlesAsync("wechat"));

        await _wechat.Server.Control.ResetAsync();
        var oldToken = await _wechat.CallAsync("draft/count", "{}", _token);
        _token = await _wechat.AccessTokenAsync();
        var submit = (await Quota("/cgi-bin/freepublish/submit")).GetProperty("quota");

        Assert.Empty(await _wechat.Server.Control.GetArticlesAsync("wechat"));
        Assert.Equal(40014, oldToken.Errcode());
        Assert.Equal((100, 0), (submit.GetProperty("daily_limit").GetInt32(), submit.GetProperty("used").GetInt32()));
    }

    private Task<JsonElement> Quota(string path) => _wechat.CallAsync("openapi/quota/get", $$"""{"cgi_path":"{{path}}"}""", _token);

    private Task<JsonElement> ClearQuota(string appId) => _wechat.CallAsync("clear_quota", $$"""{"appid":"{{appId}}"}""", _token);
}
