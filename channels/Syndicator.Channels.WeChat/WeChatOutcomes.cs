using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat;

/// <summary>Turns a WeChat answer that is not a success into the outcome the dispatcher acts on (reference §7).</summary>
internal static class WeChatOutcomes
{
    /// <summary>WeChat's quota day ends at midnight Beijing time.</summary>
    internal static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>How long a 53501 (请勿频繁请求) makes the channel wait: the platform names no time.</summary>
    internal static readonly TimeSpan FrequentRequestWait = TimeSpan.FromMinutes(1);

    public static ChannelOutcome Failure(WeChatChannel channel, WeChatAnswer answer)
    {
        if (answer.Spent is { } spent)
        {
            return spent; // never sent: the day's budget of this API is spent (platform-truth W1)
        }

        LogFailure(channel, answer);
        var now = channel.Time.GetUtcNow();
        var code = answer.Code;
        if (!answer.Answered)
        {
            return new ChannelOutcome.Transient(answer.NothingSent
                ? $"WeChat unreachable (main and fallback host) for {answer.Call}: {answer.ErrorText}"
                : $"no answer from WeChat to {answer.Call}: {answer.ErrorText}");
        }

        if (!answer.Response.IsSuccessStatusCode)
        {
            var text = $"WeChat answered {answer.Call} with HTTP {code}";
            return HttpFailures.IsTransient(answer.StatusCode)
                ? new ChannelOutcome.Transient(text) { Code = code }
                : new ChannelOutcome.Rejected(text) { Code = code };
        }

        if (answer.Errcode is not { } errcode)
        {
            return new ChannelOutcome.Transient($"WeChat answered {answer.Call} with an unreadable body") { Code = code };
        }

        var id = channel.Id;
        var said = $"{answer.Call} → {errcode} {answer.Message}";
        ChannelOutcome outcome = errcode switch
        {
            -1 => new ChannelOutcome.Transient($"系统繁忙 WeChat busy: {said}"),
            45009 => new ChannelOutcome.QuotaExhausted(WeChatQuota.NextDay(now),
                $"{answer.Call} 今日接口调用次数已用完 the account's daily quota of {answer.Call} is used up (by us or another tool on the account); " +
                $"it resets at midnight Beijing time: {said}"),
            45011 => new ChannelOutcome.RateLimited(NextMinute(now), $"接口分钟调用频率超限 minute quota reached: {said}"),
            53501 => new ChannelOutcome.RateLimited(now + FrequentRequestWait, $"请勿频繁请求 WeChat asks for fewer requests (53501); trying again in a minute: {said}"),
            40001 or 40014 or 42001 => new ChannelOutcome.AuthFailed($"access token refused even after a refresh: {said}"),
            40125 => new ChannelOutcome.AuthFailed($"AppSecret refused (40125 invalid appsecret): set the account's current AppSecret in Channels:{id}:AppSecret"),
            40013 => new ChannelOutcome.AuthFailed($"AppID unknown (40013 invalid appid): check Channels:{id}:AppId"),
            40164 => new ChannelOutcome.AuthFailed($"this server's IP is not on the account's IP whitelist (40164): add the egress IP in mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单 (takes ~5 min): {answer.Message}"),
            40243 => new ChannelOutcome.AuthFailed("AppSecret frozen (40243): an administrator must unfreeze or reset it in mp.weixin.qq.com"),
            89501 or 89503 or 89506 or 89507 => new ChannelOutcome.AuthFailed($"WeChat asks an administrator to confirm this server's IP ({errcode}): confirm it in the 公众平台安全助手 message"),

            // About the account, not the item (platform-truth W2): the channel pauses as for refused credentials, so queued
            // items wait for an administrator instead of failing one by one.
            48001 => new ChannelOutcome.AuthFailed(
                $"接口未授权 the account lacks the permission for {answer.Call} (48001 api unauthorized): freepublish and drafts need a " +
                "verified (认证) account holding the 草稿箱/发布 permission; an administrator must verify the account or restore the permission in mp.weixin.qq.com"),
            50002 => new ChannelOutcome.AuthFailed(
                $"账号受限 the account is limited or banned (50002 user limited) while calling {answer.Call}: an administrator must resolve it in mp.weixin.qq.com"),
            _ => new ChannelOutcome.Rejected($"WeChat refused {said}"),
        };
        return outcome with { Code = code };
    }

    public static DateTimeOffset NextMinute(DateTimeOffset now) =>
        now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);

    private static void LogFailure(WeChatChannel channel, WeChatAnswer answer)
    {
        if (answer.Answered)
        {
            Log.CallRefused(channel.Logger, channel.Id, answer.Call, answer.Code, answer.Message);
        }
        else
        {
            Log.CallFailed(channel.Logger, channel.Id, answer.Call, !answer.NothingSent, answer.ErrorText);
        }
    }
}
