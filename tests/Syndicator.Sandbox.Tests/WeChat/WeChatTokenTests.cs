using System.Net;
using System.Text.RegularExpressions;

namespace Syndicator.Sandbox.Tests.WeChat;

public sealed partial class WeChatTokenTests : IAsyncLifetime
{
    private WeChatSandbox _wechat = null!;

    public async Task InitializeAsync() => _wechat = await WeChatSandbox.StartAsync();

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    [Fact]
    public async Task Token_RightCredentials_AnswersTokenFor7200Seconds()
    {
        var answer = await _wechat.TokenAsync();

        Assert.False(answer.TryGetProperty("errcode", out _));
        Assert.False(string.IsNullOrEmpty(answer.Str("access_token")));
        Assert.Equal(7200, answer.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Token_NewFetch_PreviousTokenWorksFiveMinutesThenAnswers40001()
    {
        var first = await _wechat.AccessTokenAsync();
        var second = await _wechat.AccessTokenAsync();

        _wechat.Time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var during = await _wechat.CallAsync("draft/count", "{}", first);
        _wechat.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await _wechat.CallAsync("draft/count", "{}", first);
        var current = await _wechat.CallAsync("draft/count", "{}", second);

        Assert.NotEqual(first, second);
        Assert.Equal(0, during.Errcode());
        Assert.Equal(40001, after.Errcode());
        Assert.Equal(0, current.Errcode());
    }

    [Theory]
    [InlineData(SandboxCredentials.WeChatAppId, "wrong-secret", 40001)]
    [InlineData("wx0000000000000000", SandboxCredentials.WeChatAppSecret, 40013)]
    public async Task Token_WrongCredentials_AnswersErrcode(string appId, string secret, int errcode)
    {
        var answer = await _wechat.TokenAsync(appId, secret);

        Assert.Equal(errcode, answer.Errcode());
        Assert.False(answer.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Token_DailyLimitReached_Answers45009UntilTheNextBeijingDay()
    {
        Assert.Equal(HttpStatusCode.OK, await _wechat.SettingsAsync("""{"tokenDailyLimit":2}"""));
        await _wechat.TokenAsync();
        await _wechat.TokenAsync();

        var third = await _wechat.TokenAsync();
        _wechat.Time.Advance(TimeSpan.FromHours(14));
        var nextDay = await _wechat.TokenAsync();

        Assert.Equal(45009, third.Errcode());
        Assert.Equal(0, nextDay.Errcode());
    }

    [Fact]
    public async Task StableToken_NormalMode_ReturnsSameTokenWithRemainingLifetime()
    {
        var first = await _wechat.StableTokenAsync();
        _wechat.Time.Advance(TimeSpan.FromSeconds(1000));

        var second = await _wechat.StableTokenAsync();

        Assert.Equal(first.Str("access_token"), second.Str("access_token"));
        Assert.Equal(6200, second.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task StableToken_LastFiveMinutes_RotatesAndOldTokenWorksUntilItExpires()
    {
        var first = (await _wechat.StableTokenAsync()).Str("access_token");
        _wechat.Time.Advance(TimeSpan.FromSeconds(7200 - 299));

        var renewed = await _wechat.StableTokenAsync();
        var oldStillWorks = await _wechat.CallAsync("draft/count", "{}", first);
        _wechat.Time.Advance(TimeSpan.FromSeconds(299));
        var oldExpired = await _wechat.CallAsync("draft/count", "{}", first);
        var newWorks = await _wechat.CallAsync("draft/count", "{}", renewed.Str("access_token"));

        Assert.NotEqual(first, renewed.Str("access_token"));
        Assert.Equal(7200, renewed.GetProperty("expires_in").GetInt32());
        Assert.Equal(0, oldStillWorks.Errcode());
        Assert.Equal(42001, oldExpired.Errcode());
        Assert.Equal(0, newWorks.Errcode());
    }

    [Fact]
    public async Task StableToken_ForceRefresh_InvalidatesPreviousTokenAtOnce()
    {
        var first = (await _wechat.StableTokenAsync()).Str("access_token");

        var forced = (await _wechat.StableTokenAsync(force: true)).Str("access_token");
        var old = await _wechat.CallAsync("draft/count", "{}", first);

        Assert.NotEqual(first, forced);
        Assert.Equal(40001, old.Errcode());
    }

    [Fact]
    public async Task StableToken_ForceRefreshWithin30Seconds_DoesNotRefresh()
    {
        var forced = (await _wechat.StableTokenAsync(force: true)).Str("access_token");
        _wechat.Time.Advance(TimeSpan.FromSeconds(29));

        var again = (await _wechat.StableTokenAsync(force: true)).Str("access_token");
        _wechat.Time.Advance(TimeSpan.FromSeconds(1));
        var later = (await _wechat.StableTokenAsync(force: true)).Str("access_token");

        Assert.Equal(forced, again);
        Assert.NotEqual(forced, later);
    }

    [Fact]
    public async Task StableToken_ForceRefreshOverDailyLimit_Answers45009()
    {
        await _wechat.SettingsAsync("""{"forceRefreshDailyLimit":1}""");
        await _wechat.StableTokenAsync(force: true);
        _wechat.Time.Advance(TimeSpan.FromMinutes(1));

        var answer = await _wechat.StableTokenAsync(force: true);
        var normal = await _wechat.StableTokenAsync();

        Assert.Equal(45009, answer.Errcode());
        Assert.Equal(0, normal.Errcode());
    }

    [Fact]
    public async Task StableToken_WrongSecret_Answers40125()
    {
        var answer = await _wechat.StableTokenAsync(secret: "wrong");

        Assert.Equal(40125, answer.Errcode());
    }

    [Fact]
    public async Task StableToken_NotJsonPost_Answers43002()
    {
        var get = await _wechat.GetJsonAsync("wechat/cgi-bin/stable_token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credential",
            ["appid"] = SandboxCredentials.WeChatAppId,
            ["secret"] = SandboxCredentials.WeChatAppSecret,
        });
        using var response = await _wechat.Client.PostAsync(new Uri("wechat/cgi-bin/stable_token", UriKind.Relative), form);
        var posted = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

        Assert.Equal(43002, get.Errcode());
        Assert.Equal(43002, posted.Errcode());
    }

    [Fact]
    public async Task StableToken_Fetched_DoesNotInvalidateTheTokenOfCgiBinToken()
    {
        var plain = await _wechat.AccessTokenAsync();
        await _wechat.StableTokenAsync(force: true);
        _wechat.Time.Advance(TimeSpan.FromMinutes(10));

        var answer = await _wechat.CallAsync("draft/count", "{}", plain);

        Assert.Equal(0, answer.Errcode());
    }

    [Theory]
    [InlineData(null, 41001)]
    [InlineData("not-a-token", 40014)]
    public async Task BusinessCall_MissingOrUnknownToken_AnswersErrcode(string? token, int errcode)
    {
        var answer = await _wechat.CallAsync("draft/count", "{}", token);

        Assert.Equal(errcode, answer.Errcode());
    }

    [Fact]
    public async Task BusinessCall_TokenPastItsLifetime_Answers42001()
    {
        var token = await _wechat.AccessTokenAsync();
        _wechat.Time.Advance(TimeSpan.FromSeconds(7200));

        var answer = await _wechat.CallAsync("draft/count", "{}", token);

        Assert.Equal(42001, answer.Errcode());
    }

    [Fact]
    public async Task Error_AnyErrcode_ErrmsgEndsWithRid()
    {
        var answer = await _wechat.CallAsync("draft/count", "{}", "not-a-token");

        Assert.Matches(RidRegex(), answer.Str("errmsg"));
    }

    [Fact]
    public async Task Error_Answered_CountedInStatsByErrcode()
    {
        await _wechat.CallAsync("draft/count", "{}", null);
        await _wechat.CallAsync("draft/count", "{}", "not-a-token");
        await _wechat.CallAsync("draft/count", "{}", "not-a-token");

        var stats = await _wechat.Server.Control.GetStatsAsync("wechat");

        Assert.Equal(new Dictionary<string, long> { ["40014"] = 2, ["41001"] = 1 }, stats.Errors);
    }

    [GeneratedRegex("^invalid access_token rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$")]
    private static partial Regex RidRegex();
}
