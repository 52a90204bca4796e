using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Core.Storage;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Creates <c>trswcm</c> connectors for configured channels; checks their settings, each message naming its key.</summary>
internal sealed class TrsWcmConnectorFactory : ConnectorFactory<TrsWcmChannelOptions>
{
    private static readonly string[] PageUrlPlaceholders = ["{docId}", "{channelId}", "{yyyyMM}", "{yyyyMMdd}"];

    private readonly IHttpClientFactory _httpClients;
    private readonly IChannelStateStore _state;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public TrsWcmConnectorFactory(IHttpClientFactory httpClients, IChannelStateStore state, TimeProvider time, ILogger<TrsWcmConnector> logger)
    {
        _httpClients = httpClients;
        _state = state;
        _time = time;
        _logger = logger;
    }

    public override string Connector => "trswcm";

    protected override IEnumerable<string?> Check(SettingsChecks settings)
    {
        yield return settings.Url(nameof(TrsWcmChannelOptions.BaseUrl));
        yield return settings.Required(nameof(TrsWcmChannelOptions.UserName), "the WCM user the connector logs in as");
        yield return string.IsNullOrEmpty(settings[nameof(TrsWcmChannelOptions.Password)])
            ? $"{settings.Key("Password")} is required (the password of {settings.Key("UserName")})"
            : null;
        yield return settings.PositiveInt(nameof(TrsWcmChannelOptions.ChannelId), required: true);
        yield return settings.OneOf(nameof(TrsWcmChannelOptions.Mode), TrsWcmChannelOptions.DocumentMode, TrsWcmChannelOptions.MetaViewMode);
        yield return settings.Bool(nameof(TrsWcmChannelOptions.ForceKick));
        yield return settings.Duration(nameof(TrsWcmChannelOptions.ReconcileWindow), TimeSpan.FromDays(30));
        yield return CheckName(settings, nameof(TrsWcmChannelOptions.ReferenceField), settings[nameof(TrsWcmChannelOptions.ReferenceField)]);
        yield return CheckPageUrlRule(settings);
        foreach (var problem in CheckFields(settings))
        {
            yield return problem;
        }

        foreach (var problem in PageSelectors.Check(settings))
        {
            yield return problem;
        }
    }

    protected override IChannelConnector CreateConnector(ChannelDefinition channel, TrsWcmChannelOptions options) =>
        new TrsWcmConnector(new TrsWcmChannel(channel.Id, options, _httpClients, _state, _time, _logger));

    /// <summary>
    /// <c>Fields:&lt;ours&gt;</c>: only our known fields, each a site field name (letters, digits, <c>_</c>) or empty
    /// (left out); in metaview mode the title and body must have one.
    /// </summary>
    private static IEnumerable<string?> CheckFields(SettingsChecks settings)
    {
        var section = settings.Channel.Settings.GetSection(nameof(TrsWcmChannelOptions.Fields));
        foreach (var field in section.GetChildren())
        {
            yield return TrsWcmFields.DefaultMap.ContainsKey(field.Key)
                ? CheckName(settings, $"Fields:{field.Key}", field.Value)
                : $"{settings.Key($"Fields:{field.Key}")} is not a field of ours; known: {string.Join(", ", TrsWcmFields.Ours)}";
        }

        if (string.Equals(settings[nameof(TrsWcmChannelOptions.Mode)], TrsWcmChannelOptions.MetaViewMode, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var needed in new[] { "Title", "Body" })
            {
                var value = section[needed];
                if (value is not null && string.IsNullOrWhiteSpace(value))
                {
                    yield return $"{settings.Key($"Fields:{needed}")} must name the view's field in metaview mode; got ''";
                }
            }
        }
    }

    private static string? CheckName(SettingsChecks settings, string name, string? value) =>
        string.IsNullOrEmpty(value) || (value.Length <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            ? null
            : $"{settings.Key(name)} must be a WCM field name (ASCII letters, digits, _; at most 64); got '{value}'";

    private static string? CheckPageUrlRule(SettingsChecks settings)
    {
        var rule = settings[nameof(TrsWcmChannelOptions.PageUrlRule)];
        if (string.IsNullOrWhiteSpace(rule))
        {
            return null;
        }

        var sample = PageUrlPlaceholders.Aggregate(rule, (text, p) => text.Replace(p, "1", StringComparison.Ordinal));
        var key = settings.Key(nameof(TrsWcmChannelOptions.PageUrlRule));
        if (!rule.Contains("{docId}", StringComparison.Ordinal))
        {
            return $"{key} must contain {{docId}} (placeholders: {string.Join(", ", PageUrlPlaceholders)}); got '{rule}'";
        }

        return sample.Contains('{', StringComparison.Ordinal) || !Uri.TryCreate(sample, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            ? $"{key} must be an absolute http(s) URL using only the placeholders {string.Join(", ", PageUrlPlaceholders)}; got '{rule}'"
            : null;
    }
}
