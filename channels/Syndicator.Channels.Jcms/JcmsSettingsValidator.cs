using System.Globalization;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Jcms;

/// <summary>
/// Checks a channel's raw settings, before binding, so that every message can name the key and the value as
/// configured. The password's value is never repeated.
/// </summary>
internal static class JcmsSettingsValidator
{
    public static IEnumerable<string> Validate(ChannelDefinition channel, CatalogueOptions catalogue)
    {
        var settings = channel.Settings;
        var prefix = string.IsNullOrEmpty(settings.Path) ? $"Channels:{channel.Id}" : settings.Path;

        var problems = new List<string?>
        {
            CheckUrl(settings[nameof(JcmsChannelOptions.BaseUrl)], $"{prefix}:BaseUrl"),
            CheckPath(settings[nameof(JcmsChannelOptions.ReceivePath)], $"{prefix}:ReceivePath"),
            string.IsNullOrWhiteSpace(settings[nameof(JcmsChannelOptions.UserId)])
                ? $"{prefix}:UserId is required (the receive interface's user, userid)"
                : null,
            string.IsNullOrWhiteSpace(settings[nameof(JcmsChannelOptions.Password)])
                ? $"{prefix}:Password is required (the receive interface user's password)"
                : null,
            CheckColumn(settings[nameof(JcmsChannelOptions.ColumnId)], $"{prefix}:ColumnId"),
            CheckBool(settings[nameof(JcmsChannelOptions.LegacyQueryStringCredentials)], $"{prefix}:LegacyQueryStringCredentials"),
        };
        problems.AddRange(CheckCatalogue(channel.Id, catalogue));
        return problems.OfType<string>().ToList();
    }

    internal static bool TryParseId(string? value, out int id) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static string? CheckUrl(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{key} is required (an absolute http(s) URL)";
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.Query.Length == 0 ? null : $"{key} must not carry a query string; got '{value}'"
            : $"{key} must be an absolute http(s) URL; got '{value}'";
    }

    private static string? CheckPath(string? value, string key) =>
        value is null || (value.Length > 0 && Uri.TryCreate(value, UriKind.Relative, out _) && !value.Contains('?', StringComparison.Ordinal) && !value.StartsWith("//", StringComparison.Ordinal))
            ? null
            : $"{key} must be a relative path such as jcms/interface/receive.jsp (no query string); got '{value}'";

    private static string? CheckColumn(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"{key} is required (a positive integer, the portal's columnid)";
        }

        return TryParseId(value, out _) ? null : $"{key} must be a positive integer (the portal's columnid); got '{value}'";
    }

    private static string? CheckBool(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) || bool.TryParse(value, out _) ? null : $"{key} must be true or false; got '{value}'";

    private static IEnumerable<string> CheckCatalogue(string channelId, CatalogueOptions catalogue)
    {
        for (var i = 0; i < catalogue.Categories.Count; i++)
        {
            var category = catalogue.Categories[i];
            if (category.ChannelColumns.TryGetValue(channelId, out var column) && !TryParseId(column, out _))
            {
                yield return $"Catalogue:Categories:{i}:ChannelColumns:{channelId} (category {category.Name}) " +
                    $"must be a positive integer (the portal's columnid); got '{column}'";
            }
        }
    }
}
