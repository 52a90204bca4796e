using System.Globalization;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The checks of a channel's raw settings (<see cref="SettingsChecks"/>: each message names the key and the value as
/// configured). The AppSecret's value is never repeated.
/// </summary>
internal static class WeChatSettingsValidator
{
    /// <summary>The longest poll wait taken: a job left unasked for longer would hold its delivery for nothing.</summary>
    private static readonly TimeSpan MaxPollWait = TimeSpan.FromHours(6);

    public static IEnumerable<string?> Check(SettingsChecks settings)
    {
        yield return settings.Url(nameof(WeChatChannelOptions.ApiBaseUrl), required: false);
        yield return settings.Url(nameof(WeChatChannelOptions.FallbackApiBaseUrl), required: false);
        yield return settings.Required(nameof(WeChatChannelOptions.AppId), "the Official Account's AppID, e.g. wx…");
        yield return settings.Required(nameof(WeChatChannelOptions.AppSecret), "the Official Account's AppSecret");
        yield return settings.OneOf(nameof(WeChatChannelOptions.DefaultCoverMediaType), "image/jpeg", "image/png");
        yield return CheckCover(settings);
        yield return settings.OneOf(nameof(WeChatChannelOptions.UpdatePolicy), Enum.GetNames<WeChatUpdatePolicy>());
        yield return ReadMoreWait(settings);
        yield return string.Equals(settings[nameof(WeChatChannelOptions.ReadMoreFrom)], settings.Channel.Id, StringComparison.Ordinal)
            ? $"{settings.Key(nameof(WeChatChannelOptions.ReadMoreFrom))} must name another channel (the one whose page 阅读原文 opens); got its own id '{settings.Channel.Id}'"
            : null;
        yield return settings.Duration(nameof(WeChatChannelOptions.ReconcileWait), TimeSpan.FromDays(7));
        yield return settings.Duration(nameof(WeChatChannelOptions.SubmitSettleWindow), TimeSpan.FromDays(1));
        for (var i = 0; settings[$"{nameof(WeChatChannelOptions.PublishPollSchedule)}:{i}"] is not null; i++)
        {
            yield return settings.Duration($"{nameof(WeChatChannelOptions.PublishPollSchedule)}:{i}", MaxPollWait);
        }

        foreach (var quota in WeChatQuota.All)
        {
            yield return settings.PositiveInt($"{nameof(WeChatChannelOptions.DailyLimits)}:{quota.Setting}");
        }

        var massSend = nameof(WeChatChannelOptions.MassSend);
        yield return SendAt(settings, $"{massSend}:{nameof(WeChatMassSendOptions.SendAt)}");
        yield return settings.IntRange($"{massSend}:{nameof(WeChatMassSendOptions.MaxArticles)}", 1, 8);
        yield return TagId(settings, $"{massSend}:{nameof(WeChatMassSendOptions.TagId)}");
        yield return settings.Duration($"{massSend}:{nameof(WeChatMassSendOptions.ResultCheckInterval)}", TimeSpan.FromHours(1));
        foreach (var problem in WeChatItemLimits.CheckSettings(settings.Channel.Settings, settings.Prefix))
        {
            yield return problem;
        }
    }

    private static string? CheckCover(SettingsChecks settings)
    {
        var name = nameof(WeChatChannelOptions.DefaultCoverBase64);
        var cover = settings[name];
        if (string.IsNullOrWhiteSpace(cover))
        {
            return null;
        }

        var buffer = new byte[cover.Length];
        return Convert.TryFromBase64String(cover, buffer, out var length) && length > 0
            ? null
            : $"{settings.Key(name)} must be base64 of a JPEG or PNG image; got '{(cover.Length <= 16 ? cover : cover[..16] + "…")}'";
    }

    private static string? ReadMoreWait(SettingsChecks settings)
    {
        var name = nameof(WeChatChannelOptions.ReadMoreWait);
        var wait = settings[name];
        return string.IsNullOrWhiteSpace(wait) || (TimeSpan.TryParse(wait, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
            ? null
            : $"{settings.Key(name)} must be a time span of zero or more such as 00:10:00; got '{wait}'";
    }

    private static string? SendAt(SettingsChecks settings, string name)
    {
        var at = settings[name];
        return string.IsNullOrWhiteSpace(at)
            || (TimeSpan.TryParse(at, CultureInfo.InvariantCulture, out var time) && time >= TimeSpan.Zero && time < TimeSpan.FromDays(1))
            ? null
            : $"{settings.Key(name)} must be a time of day (Beijing time) from 00:00:00 to 23:59:59; got '{at}'";
    }

    private static string? TagId(SettingsChecks settings, string name)
    {
        var tag = settings[name];
        return string.IsNullOrWhiteSpace(tag) || (long.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            ? null
            : $"{settings.Key(name)} must be a positive tag id (or empty to send to all followers); got '{tag}'";
    }
}
