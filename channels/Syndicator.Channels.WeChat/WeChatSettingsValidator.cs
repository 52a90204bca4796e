using System.Globalization;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// Checks a channel's raw settings, before binding, so that every message can name the key and the value as
/// configured. The AppSecret's value is never repeated.
/// </summary>
internal static class WeChatSettingsValidator
{
    private static readonly string[] CoverTypes = ["image/jpeg", "image/png"];

    public static IEnumerable<string> Validate(ChannelDefinition channel)
    {
        var settings = channel.Settings;
        var prefix = string.IsNullOrEmpty(settings.Path) ? $"Channels:{channel.Id}" : settings.Path;
        var problems = new List<string?>
        {
            CheckUrl(settings, prefix, nameof(WeChatChannelOptions.ApiBaseUrl)),
            CheckUrl(settings, prefix, nameof(WeChatChannelOptions.FallbackApiBaseUrl)),
            string.IsNullOrWhiteSpace(settings[nameof(WeChatChannelOptions.AppId)])
                ? $"{prefix}:AppId is required (the Official Account's AppID, e.g. wx…)"
                : null,
            string.IsNullOrWhiteSpace(settings[nameof(WeChatChannelOptions.AppSecret)])
                ? $"{prefix}:AppSecret is required (the Official Account's AppSecret)"
                : null,
            CheckCover(settings, prefix),
            CheckInterval(settings, prefix),
            CheckPolicy(settings, prefix),
            CheckReadMore(settings, prefix, channel.Id),
            CheckMassSend(settings.GetSection(nameof(WeChatChannelOptions.MassSend)), prefix + ":MassSend"),
        };
        problems.AddRange(WeChatItemLimits.CheckSettings(settings, prefix));
        return problems.OfType<string>().ToList();
    }

    private static string? CheckUrl(IConfiguration settings, string prefix, string name)
    {
        var value = settings[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{prefix}:{name} must be an absolute http(s) URL; got '{value}'";
    }

    private static string? CheckCover(IConfiguration settings, string prefix)
    {
        var type = settings[nameof(WeChatChannelOptions.DefaultCoverMediaType)];
        if (!string.IsNullOrWhiteSpace(type) && !CoverTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
        {
            return $"{prefix}:DefaultCoverMediaType must be image/jpeg or image/png; got '{type}'";
        }

        var cover = settings[nameof(WeChatChannelOptions.DefaultCoverBase64)];
        if (string.IsNullOrWhiteSpace(cover))
        {
            return null;
        }

        var buffer = new byte[cover.Length];
        return Convert.TryFromBase64String(cover, buffer, out var length) && length > 0
            ? null
            : $"{prefix}:DefaultCoverBase64 must be base64 of a JPEG or PNG image; got '{Start(cover)}'";
    }

    private static string? CheckInterval(IConfiguration settings, string prefix)
    {
        var value = settings[nameof(WeChatChannelOptions.PublishPollInterval)];
        return string.IsNullOrWhiteSpace(value)
            || (TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
            ? null
            : $"{prefix}:PublishPollInterval must be a positive time span such as 00:00:30; got '{value}'";
    }

    private static string? CheckPolicy(IConfiguration settings, string prefix)
    {
        var value = settings[nameof(WeChatChannelOptions.UpdatePolicy)];
        return string.IsNullOrWhiteSpace(value) || Enum.GetNames<WeChatUpdatePolicy>().Contains(value, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"{prefix}:UpdatePolicy must be DeleteOld or KeepOld; got '{value}'";
    }

    private static string? CheckReadMore(IConfiguration settings, string prefix, string channelId)
    {
        var wait = settings[nameof(WeChatChannelOptions.ReadMoreWait)];
        if (!string.IsNullOrWhiteSpace(wait) && !(TimeSpan.TryParse(wait, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero))
        {
            return $"{prefix}:ReadMoreWait must be a time span of zero or more such as 00:10:00; got '{wait}'";
        }

        return string.Equals(settings[nameof(WeChatChannelOptions.ReadMoreFrom)], channelId, StringComparison.Ordinal)
            ? $"{prefix}:ReadMoreFrom must name another channel (the one whose page 阅读原文 opens); got its own id '{channelId}'"
            : null;
    }

    private static string? CheckMassSend(IConfiguration section, string prefix)
    {
        var at = section[nameof(WeChatMassSendOptions.SendAt)];
        if (!string.IsNullOrWhiteSpace(at)
            && !(TimeSpan.TryParse(at, CultureInfo.InvariantCulture, out var time) && time >= TimeSpan.Zero && time < TimeSpan.FromDays(1)))
        {
            return $"{prefix}:SendAt must be a time of day (Beijing time) from 00:00:00 to 23:59:59; got '{at}'";
        }

        var max = section[nameof(WeChatMassSendOptions.MaxArticles)];
        if (!string.IsNullOrWhiteSpace(max) && !(int.TryParse(max, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 8))
        {
            return $"{prefix}:MaxArticles must be 1 to 8 (WeChat's limit for one message); got '{max}'";
        }

        var tag = section[nameof(WeChatMassSendOptions.TagId)];
        return string.IsNullOrWhiteSpace(tag) || (long.TryParse(tag, CultureInfo.InvariantCulture, out var id) && id > 0)
            ? null
            : $"{prefix}:TagId must be a positive tag id (or empty to send to all followers); got '{tag}'";
    }

    private static string Start(string value) => value.Length <= 16 ? value : value[..16] + "…";
}
