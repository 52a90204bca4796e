using System.Globalization;
using Microsoft.Extensions.Configuration;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.Toolkit;

/// <summary>
/// Checks of a channel's raw settings, before binding, so that every message names the key and the value as configured
/// (a value that does not even parse included). A secret's value is never repeated. Each check answers null when the
/// setting is fine, so a validator is a list of checks: <c>new[] { checks.Url("BaseUrl"), … }.OfType&lt;string&gt;()</c>.
/// </summary>
public sealed class SettingsChecks
{
    private readonly IConfiguration _settings;

    public SettingsChecks(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        Channel = channel;
        _settings = channel.Settings;
        Prefix = string.IsNullOrEmpty(channel.Settings.Path) ? $"Channels:{channel.Id}" : channel.Settings.Path;
    }

    public ChannelDefinition Channel { get; }

    /// <summary>The configuration path of the channel's section, e.g. <c>Channels:bureau</c>.</summary>
    public string Prefix { get; }

    /// <summary>The raw value of <paramref name="name"/> (a key below the channel's section, <c>:</c>-separated).</summary>
    public string? this[string name] => _settings[name];

    /// <summary>The full key of <paramref name="name"/>, for messages.</summary>
    public string Key(string name) => $"{Prefix}:{name}";

    /// <summary>Required and not blank; <paramref name="what"/> says what it should hold. The value is never repeated.</summary>
    public string? Required(string name, string what) =>
        string.IsNullOrWhiteSpace(_settings[name]) ? $"{Key(name)} is required ({what})" : null;

    /// <summary>An absolute http(s) URL; required unless <paramref name="required"/> is false.</summary>
    public string? Url(string name, bool required = true)
    {
        var value = _settings[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{Key(name)} is required (an absolute http(s) URL)" : null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{Key(name)} must be an absolute http(s) URL; got '{value}'";
    }

    /// <summary>A positive whole number; required unless <paramref name="required"/> is false.</summary>
    public string? PositiveInt(string name, bool required = false)
    {
        var value = _settings[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? $"{Key(name)} is required (a positive integer)" : null;
        }

        return TryParseId(value, out _) ? null : $"{Key(name)} must be a positive integer; got '{value}'";
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], when set.</summary>
    public string? IntRange(string name, int min, int max)
    {
        var value = _settings[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? null
            : $"{Key(name)} must be a whole number from {min} to {max}; got '{value}'";
    }

    /// <summary><c>true</c> or <c>false</c>, when set.</summary>
    public string? Bool(string name)
    {
        var value = _settings[name];
        return string.IsNullOrWhiteSpace(value) || bool.TryParse(value, out _)
            ? null
            : $"{Key(name)} must be true or false; got '{value}'";
    }

    /// <summary>A <see cref="TimeSpan"/> (<c>hh:mm:ss</c>) in (0, <paramref name="max"/>], when set.</summary>
    public string? Duration(string name, TimeSpan max)
    {
        var value = _settings[name];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero && span <= max
            ? null
            : $"{Key(name)} must be a duration (hh:mm:ss) above 0 and at most {max}; got '{value}'";
    }

    /// <summary>One of <paramref name="allowed"/> (ordinal, ignoring case), when set.</summary>
    public string? OneOf(string name, params string[] allowed)
    {
        var value = _settings[name];
        return string.IsNullOrWhiteSpace(value) || allowed.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"{Key(name)} must be one of {string.Join(", ", allowed)}; got '{value}'";
    }

    /// <summary>
    /// Each catalogue column configured for this channel passes <paramref name="isValid"/>; messages name the
    /// category's key and say what a column of this platform is (<paramref name="what"/>).
    /// </summary>
    public IEnumerable<string> Columns(CatalogueOptions catalogue, Func<string, bool> isValid, string what)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(isValid);
        for (var i = 0; i < catalogue.Categories.Count; i++)
        {
            var category = catalogue.Categories[i];
            if (category.ChannelColumns.TryGetValue(Channel.Id, out var column) && !isValid(column))
            {
                yield return $"Catalogue:Categories:{i}:ChannelColumns:{Channel.Id} (category {category.Name}) must be {what}; got '{column}'";
            }
        }
    }

    /// <summary>A positive 32-bit id, as most platforms number their sites, columns and documents.</summary>
    public static bool TryParseId(string? value, out int id) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
}
