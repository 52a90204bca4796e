using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// What tests turn on the SSCMS emulator (<c>POST /_sandbox/bureau/settings</c>); reset restores the defaults. Each
/// setting is something that differs between real SSCMS installations (platform-truth.md §1).
/// </summary>
internal sealed partial class BureauSettings
{
    /// <summary>SSCMS's own default content page rule (<c>ContentFilePathRules.DefaultRule</c>).</summary>
    public const string DefaultPathRule = "/contents/{@channelId}/{@contentId}.html";

    /// <summary>
    /// The version <c>/api/ping/status</c> reports, and the one whose behaviour the emulator follows: below 7.3.1 the
    /// update route binds a whole <c>Content</c> (S5). Default: 7.4.0.
    /// </summary>
    public Version Version { get; private set; } = new(7, 4, 0);

    /// <summary>The site's <c>ContentFilePathRule</c> (S7): <c>{@channelId}</c>, <c>{@contentId}</c>, <c>{@year}</c>, <c>{@month}</c>, <c>{@day}</c>.</summary>
    public string PathRule { get; private set; } = DefaultPathRule;

    /// <summary>The directory of a non-root site (S7: a non-root site adds its directory); empty: the root site.</summary>
    public string SiteDir { get; private set; } = string.Empty;

    /// <summary>The class of the element the page template puts the body in (S9: each site's own template). Default: <c>article-content</c>.</summary>
    public string BodyClass { get; private set; } = "article-content";

    /// <summary>
    /// The database under SSCMS (S2): every one but SQLite refuses a value longer than its <c>VARCHAR(500)</c> column.
    /// Default: postgresql, the database the bureau's SSCMS was seen on.
    /// </summary>
    public string Database { get; private set; } = "postgresql";

    /// <summary>Channels on which the API key's administrator has no rights: every contents call on them answers 401 (S8).</summary>
    public IReadOnlySet<int> ChannelsWithoutRights { get; private set; } = new HashSet<int>();

    /// <summary>Whether the update route is the one from before 7.3.1 (S5, commit 24cecb239).</summary>
    public bool UpdateWipesUnsentFields => Version < new Version(7, 3, 1);

    /// <summary>Whether the database refuses a value longer than a <c>VARCHAR(500)</c> column takes (S2).</summary>
    public bool EnforcesVarCharLength => !string.Equals(Database, "sqlite", StringComparison.Ordinal);

    public static Dictionary<string, string[]> Validate(JsonElement body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors["$"] = ["The settings must be a JSON object."];
            return errors;
        }

        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            var problem = property.Name switch
            {
                "version" => ParseVersion(text) is null ? "must be a version such as 7.4.0" : null,
                "contentFilePathRule" => text is not null && text.StartsWith('/') && text.Contains("{@contentId}", StringComparison.Ordinal)
                    ? null : "must start with / and contain {@contentId}",
                "siteDir" => text is not null && SiteDirPattern().IsMatch(text) ? null : "must be empty or a directory name ([A-Za-z0-9_-])",
                "bodyClass" => text is not null && ClassPattern().IsMatch(text) ? null : "must be a CSS class name",
                "database" => text is "postgresql" or "mysql" or "sqlserver" or "dm" or "sqlite" ? null : "must be postgresql, mysql, sqlserver, dm or sqlite",
                "channelsWithoutRights" => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(static e => e.TryGetInt32(out var id) && id > 0)
                    ? null : "must be an array of channel ids",
                _ => "is not a setting (known: version, contentFilePathRule, siteDir, bodyClass, database, channelsWithoutRights)",
            };
            if (problem is not null)
            {
                errors[property.Name] = [problem];
            }
        }

        return errors;
    }

    /// <summary>A copy to change, so that a request never sees half-applied settings.</summary>
    public BureauSettings Copy() => (BureauSettings)MemberwiseClone();

    /// <summary>Applies a body that <see cref="Validate"/> accepted.</summary>
    public void Apply(JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "version":
                    Version = ParseVersion(property.Value.GetString())!;
                    break;
                case "contentFilePathRule":
                    PathRule = property.Value.GetString()!;
                    break;
                case "siteDir":
                    SiteDir = property.Value.GetString()!;
                    break;
                case "bodyClass":
                    BodyClass = property.Value.GetString()!;
                    break;
                case "database":
                    Database = property.Value.GetString()!;
                    break;
                case "channelsWithoutRights":
                    ChannelsWithoutRights = property.Value.EnumerateArray().Select(static e => e.GetInt32()).ToHashSet();
                    break;
            }
        }
    }

    public JsonObject ToJson() => new()
    {
        ["version"] = VersionText,
        ["contentFilePathRule"] = PathRule,
        ["siteDir"] = SiteDir,
        ["bodyClass"] = BodyClass,
        ["database"] = Database,
        ["channelsWithoutRights"] = new JsonArray([.. ChannelsWithoutRights.Order().Select(static id => JsonValue.Create(id))]),
    };

    /// <summary>The version as SSCMS reports it (<c>AssemblyInformationalVersion</c> without its <c>+</c> part).</summary>
    public string VersionText => Version.ToString(3);

    /// <summary>
    /// A content's address as SSCMS's list reports it in <c>navigationUrl</c> (S7): the site's directory, then the
    /// path rule with the content's values. Root-relative, as for a site without its own domain.
    /// </summary>
    public string NavigationUrl(BureauContent content)
    {
        var created = DateTimeOffset.TryParseExact(content.CreatedDate, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at
            : content.CreatedAt;
        var path = PathRule
            .Replace("{@channelId}", Math.Abs(content.ChannelId).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{@contentId}", content.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{@year}", created.ToString("yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{@month}", created.ToString("MM", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{@day}", created.ToString("dd", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return string.IsNullOrEmpty(SiteDir) ? path : "/" + SiteDir + path;
    }

    private static Version? ParseVersion(string? text)
    {
        var core = text?.Split('-', '+')[0];
        return Version.TryParse(core, out var version) && version.Build >= 0 ? new Version(version.Major, version.Minor, version.Build) : null;
    }

    [GeneratedRegex(@"\A[A-Za-z0-9_-]*\z")]
    private static partial Regex SiteDirPattern();

    [GeneratedRegex(@"\A[A-Za-z_][A-Za-z0-9_-]*\z")]
    private static partial Regex ClassPattern();
}
