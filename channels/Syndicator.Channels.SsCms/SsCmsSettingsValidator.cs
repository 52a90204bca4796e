using System.Globalization;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.SsCms;

/// <summary>
/// Checks a channel's raw settings, before binding, so that every message can name the key and the value as
/// configured (a value that does not even parse included). The API key's value is never repeated.
/// </summary>
internal static class SsCmsSettingsValidator
{
    public static IEnumerable<string> Validate(ChannelDefinition channel, CatalogueOptions catalogue)
    {
        var settings = channel.Settings;
        var prefix = string.IsNullOrEmpty(settings.Path) ? $"Channels:{channel.Id}" : settings.Path;

        var problems = new List<string?>
        {
            CheckUrl(settings, prefix, nameof(SsCmsChannelOptions.BaseUrl)),
            CheckUrl(settings, prefix, nameof(SsCmsChannelOptions.SiteUrl)),
            string.IsNullOrWhiteSpace(settings[nameof(SsCmsChannelOptions.ApiKey)])
                ? $"{prefix}:ApiKey is required (an SSCMS API key with the Contents scope)"
                : null,
            CheckPositive(settings[nameof(SsCmsChannelOptions.SiteId)], $"{prefix}:SiteId", required: false),
            CheckPositive(settings[nameof(SsCmsChannelOptions.ChannelId)], $"{prefix}:ChannelId", required: true),
            CheckBool(settings, prefix, nameof(SsCmsChannelOptions.Checked)),
        };
        problems.AddRange(CheckColumns(channel.Id, catalogue));
        return problems.OfType<string>().ToList();
    }

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

    private static string? CheckBool(IConfiguration settings, string prefix, string name)
    {
        var value = settings[name];
        return string.IsNullOrWhiteSpace(value) || bool.TryParse(value, out _)
            ? null
            : $"{prefix}:{name} must be true or false; got '{value}'";
    }

    private static IEnumerable<string> CheckColumns(string channelId, CatalogueOptions catalogue)
    {
        for (var i = 0; i < catalogue.Categories.Count; i++)
        {
            var category = catalogue.Categories[i];
            if (category.ChannelColumns.TryGetValue(channelId, out var column) && !TryParseId(column, out _))
            {
                yield return $"Catalogue:Categories:{i}:ChannelColumns:{channelId} (category {category.Name}) " +
                    $"must be a positive integer (an SSCMS channel id); got '{column}'";
            }
        }
    }

    internal static bool TryParseId(string? value, out int id) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
