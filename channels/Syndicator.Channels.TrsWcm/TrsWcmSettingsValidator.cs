using System.Globalization;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// Checks a channel's raw settings, before binding, so that every message can name the key and the value as
/// configured. The password's value is never repeated.
/// </summary>
internal static class TrsWcmSettingsValidator
{
    public static IEnumerable<string> Validate(ChannelDefinition channel)
    {
        var settings = channel.Settings;
        var prefix = string.IsNullOrEmpty(settings.Path) ? $"Channels:{channel.Id}" : settings.Path;
        var problems = new List<string?>
        {
            CheckUrl(settings, prefix, nameof(TrsWcmChannelOptions.BaseUrl)),
            string.IsNullOrWhiteSpace(settings[nameof(TrsWcmChannelOptions.UserName)])
                ? $"{prefix}:UserName is required (the WCM user the connector logs in as)"
                : null,
            string.IsNullOrEmpty(settings[nameof(TrsWcmChannelOptions.Password)])
                ? $"{prefix}:Password is required (the password of {prefix}:UserName)"
                : null,
            CheckPositive(settings[nameof(TrsWcmChannelOptions.ChannelId)], $"{prefix}:ChannelId", required: true),
            CheckPositive(settings[nameof(TrsWcmChannelOptions.ViewId)], $"{prefix}:ViewId", required: false),
        };
        return problems.OfType<string>().ToList();
    }

    /// <summary>A WCM object id: a positive integer.</summary>
    internal static bool TryParseId(string? value, out int id) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static string? CheckUrl(IConfiguration settings, string prefix, string name)
    {
        var value = settings[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{prefix}:{name} is required (an absolute http(s) URL)";
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{prefix}:{name} must be an absolute http(s) URL; got '{value}'";
    }

    private static string? CheckPositive(string? value, string key, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{key} is required (a positive integer)" : null;
        }

        return TryParseId(value, out _) ? null : $"{key} must be a positive integer; got '{value}'";
    }
}
