using System.Xml;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.Jcms;

/// <summary>Creates <c>jcms</c> connectors for configured channels; checks their settings first, each message naming its key.</summary>
internal sealed class JcmsConnectorFactory : ConnectorFactory<JcmsChannelOptions>
{
    private static readonly string[] Switches = ["SupportsUpdate", "SupportsWithdraw", "SupportsQuery"];
    private static readonly string[] OperationNames = ["Add", "Update", "Delete", "Query"];
    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<CatalogueOptions> _catalogue;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public JcmsConnectorFactory(IHttpClientFactory httpClients, IOptions<CatalogueOptions> catalogue, TimeProvider time, ILogger<JcmsConnector> logger)
    {
        _httpClients = httpClients;
        _catalogue = catalogue;
        _time = time;
        _logger = logger;
    }

    public override string Connector => "jcms";

    protected override IEnumerable<string?> Check(SettingsChecks settings)
    {
        yield return settings.Url(nameof(JcmsChannelOptions.BaseUrl));
        var baseUrl = settings[nameof(JcmsChannelOptions.BaseUrl)];
        if (Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Query.Length > 0)
        {
            // The URL is repeated only up to its query, which may hold the credentials.
            yield return $"{settings.Key("BaseUrl")} must not carry a query string (credentials are placed by Envelope:Credentials); got '{uri.GetLeftPart(UriPartial.Path)}?…'";
        }

        yield return CheckPath(settings, nameof(JcmsChannelOptions.ReceivePath));
        yield return settings["LegacyQueryStringCredentials"] is null
            ? null
            : $"{settings.Key("LegacyQueryStringCredentials")} is gone: where the credentials travel is {settings.Key("Envelope:Credentials")} (Query, the public client's form and the default; Xml; Header)";
        yield return settings.Required(nameof(JcmsChannelOptions.UserId), "the receive interface's user, userid");
        yield return settings.Required(nameof(JcmsChannelOptions.Password), "the receive interface user's password");
        yield return string.IsNullOrWhiteSpace(settings[nameof(JcmsChannelOptions.ColumnId)])
            ? $"{settings.Key("ColumnId")} is required (a positive integer, the portal's columnid)"
            : settings.PositiveInt(nameof(JcmsChannelOptions.ColumnId)) is null ? null
            : $"{settings.Key("ColumnId")} must be a positive integer (the portal's columnid); got '{settings["ColumnId"]}'";
        foreach (var name in Switches)
        {
            yield return settings.Bool(name);
        }

        foreach (var problem in CheckEnvelope(settings))
        {
            yield return problem;
        }

        foreach (var rule in new[] { "Success", "Id", "Url", "AuthFailed", "Refused" })
        {
            yield return JcmsReplyRules.Check(Rule(settings, $"Reply:{rule}"), settings.Key($"Reply:{rule}"));
        }

        yield return string.IsNullOrWhiteSpace(settings["Reply:Success:XPath"]) && string.IsNullOrWhiteSpace(settings["Reply:Success:Regex"])
            && settings.Channel.Settings.GetSection("Reply:Success").Exists()
            ? $"{settings.Key("Reply:Success")} must set XPath or Regex (how a success is recognised)"
            : null;
        yield return CheckReconcile(settings);
        foreach (var problem in PageSelectors.Check(settings))
        {
            yield return problem;
        }

        foreach (var problem in settings.Columns(_catalogue.Value, static c => SettingsChecks.TryParseId(c, out _), "a positive integer (the portal's columnid)"))
        {
            yield return problem;
        }
    }

    protected override IChannelConnector CreateConnector(ChannelDefinition channel, JcmsChannelOptions options)
    {
        // A rule configured as an XPath replaces the default regex rather than adding to it.
        if (!string.IsNullOrWhiteSpace(options.Reply.Success.XPath) && channel.Settings["Reply:Success:Regex"] is null)
        {
            options.Reply.Success.Regex = null;
        }

        var jcms = new JcmsChannel(channel.Id, options, _httpClients, _time, _logger);
        if (options.Envelope.Credentials == JcmsCredentialPlacement.Query)
        {
            Log.QueryCredentials(_logger, channel.Id, jcms.LoggedEndpoint);
        }

        return new JcmsConnector(jcms);
    }

    private static string? CheckPath(SettingsChecks settings, string name)
    {
        var value = settings[name];
        return value is null || (value.Length > 0 && Uri.TryCreate(value, UriKind.Relative, out _) && !value.Contains('?', StringComparison.Ordinal) && !value.StartsWith("//", StringComparison.Ordinal))
            ? null
            : $"{settings.Key(name)} must be a relative path such as jcms/interface/receive.jsp (no query string); got '{value}'";
    }

    private static IEnumerable<string?> CheckEnvelope(SettingsChecks settings)
    {
        yield return settings.OneOf("Envelope:Credentials", Enum.GetNames<JcmsCredentialPlacement>());
        foreach (var name in new[] { "Root", "Article", "IdElement" })
        {
            yield return XmlName(settings, $"Envelope:{name}", required: true);
        }

        yield return XmlName(settings, "Envelope:OperationElement", required: false);
        var placement = settings["Envelope:Credentials"];
        foreach (var name in new[] { "UserIdName", "PasswordName" })
        {
            yield return string.Equals(placement, nameof(JcmsCredentialPlacement.Xml), StringComparison.OrdinalIgnoreCase)
                ? XmlName(settings, $"Envelope:{name}", required: true)
                : settings[$"Envelope:{name}"] is { } value && string.IsNullOrWhiteSpace(value)
                    ? $"{settings.Key($"Envelope:{name}")} must not be empty"
                    : null;
        }

        var contentType = settings["Envelope:ContentType"];
        yield return contentType is null || System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out _)
            ? null
            : $"{settings.Key("Envelope:ContentType")} must be a media type such as application/x-www-form-urlencoded; got '{contentType}'";

        var fields = settings.Channel.Settings.GetSection("Envelope:Fields").GetChildren().ToList();
        foreach (var field in fields)
        {
            if (!JcmsFields.Known.Contains(field.Key, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{settings.Key($"Envelope:Fields:{field.Key}")} is not a field of ours; known: {string.Join(", ", JcmsFields.Known)}";
            }
            else if (string.IsNullOrWhiteSpace(field.Value) && JcmsFields.Required.Contains(field.Key, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{settings.Key($"Envelope:Fields:{field.Key}")} must name an element (an article needs its {field.Key})";
            }
            else
            {
                yield return XmlName(settings, $"Envelope:Fields:{field.Key}", required: false);
            }
        }

        var needsOperation = Switches.Where(n => bool.TryParse(settings[n], out var on) && on).ToList();
        yield return needsOperation.Count > 0 && string.IsNullOrWhiteSpace(settings["Envelope:OperationElement"])
            ? $"{settings.Key("Envelope:OperationElement")} is required when {string.Join(", ", needsOperation)} is on (the element that tells the portal which operation a call is)"
            : null;
        foreach (var name in OperationNames)
        {
            yield return settings[$"Envelope:Operations:{name}"] is { } value && string.IsNullOrWhiteSpace(value)
                ? $"{settings.Key($"Envelope:Operations:{name}")} must not be empty"
                : null;
        }
    }

    private static string? XmlName(SettingsChecks settings, string name, bool required)
    {
        var value = settings[name];
        if (value is null || (value.Length == 0 && !required))
        {
            return null;
        }

        try
        {
            XmlConvert.VerifyName(value);
            return null;
        }
        catch (XmlException)
        {
            return $"{settings.Key(name)} must be an XML element name; got '{value}'";
        }
    }

    private static string? CheckReconcile(SettingsChecks settings)
    {
        var page = settings["Reconcile:ListPage"];
        if (!string.IsNullOrWhiteSpace(page) && !page.Contains("{column}", StringComparison.Ordinal))
        {
            return $"{settings.Key("Reconcile:ListPage")} must contain {{column}} (the column id), e.g. col/col{{column}}/index.html; got '{page}'";
        }

        return JcmsReplyRules.Check(new JcmsReplyRule { Regex = settings["Reconcile:IdPattern"] }, settings.Key("Reconcile"));
    }

    private static JcmsReplyRule Rule(SettingsChecks settings, string name) => new()
    {
        XPath = settings[$"{name}:XPath"],
        Value = settings[$"{name}:Value"],
        Regex = settings[$"{name}:Regex"],
    };
}
