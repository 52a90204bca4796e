using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat;

/// <summary>Turns a WeChat answer that is not a success into the outcome the dispatcher acts on (reference §7).</summary>
internal static class WeChatOutcomes
{
    /// <summary>WeChat's quota day ends at midnight Beijing time.</summary>
    internal static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    public static ChannelOutcome Failure(WeChatChannel channel, WeChatAnswer answer)
    {
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
            return IsTransient(answer.StatusCode)
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
            45009 => new ChannelOutcome.QuotaExhausted(NextBeijingMidnight(now), $"今日接口调用次数已用完 daily API quota used up until midnight Beijing time: {said}"),
            45011 => new ChannelOutcome.RateLimited(NextMinute(now), $"接口分钟调用频率超限 minute quota reached: {said}"),
            40001 or 40014 or 42001 => new ChannelOutcome.AuthFailed($"access token refused even after a refresh: {said}"),
            40125 => new ChannelOutcome.AuthFailed($"AppSecret refused (40125 invalid appsecret): set the account's current AppSecret in Channels:{id}:AppSecret"),
            40013 => new ChannelOutcome.AuthFailed($"AppID unknown (40013 invalid appid): check Channels:{id}:AppId"),
            40164 => new ChannelOutcome.AuthFailed($"this server's IP is not on the account's IP whitelist (40164): add the egress IP in mp.weixin.qq.com → 设置与开发 → 基本配置 → IP白名单 (takes ~5 min): {answer.Message}"),
            40243 => new ChannelOutcome.AuthFailed("AppSecret frozen (40243): an administrator must unfreeze or reset it in mp.weixin.qq.com"),
            89501 or 89503 or 89506 or 89507 => new ChannelOutcome.AuthFailed($"WeChat asks an administrator to confirm this server's IP ({errcode}): confirm it in the 公众平台安全助手 message"),
            48001 => new ChannelOutcome.Rejected($"API unauthorized (48001): the account lacks the permission for {answer.Call} — it must be a verified (认证) account holding the 草稿箱/发布 permission"),
            50002 => new ChannelOutcome.Rejected($"account limited (50002 用户受限): the account is restricted or banned; an administrator must resolve it in mp.weixin.qq.com"),
            _ => new ChannelOutcome.Rejected($"WeChat refused {said}"),
        };
        return outcome with { Code = code };
    }

    public static DateTimeOffset NextBeijingMidnight(DateTimeOffset now)
    {
        var beijing = now.ToOffset(BeijingOffset);
        return new DateTimeOffset(beijing.Date.AddDays(1), BeijingOffset);
    }

    public static DateTimeOffset NextMinute(DateTimeOffset now) =>
        now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1);

    /// <summary>408, 429 and 5xx, as the resilience pipeline itself judges them.</summary>
    public static bool IsTransient(HttpStatusCode status)
    {
        using var probe = new HttpResponseMessage(status);
        return HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(probe));
    }

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
