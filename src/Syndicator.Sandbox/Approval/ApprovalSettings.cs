using System.Text.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.Approval;

/// <summary>What tests turn on the WCM emulator (<c>POST /_sandbox/approval/settings</c>); reset restores the defaults.</summary>
internal sealed class ApprovalSettings
{
    private static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

    /// <summary>How long a session lives without use (Tomcat's idle timeout). Default: 30 minutes.</summary>
    public TimeSpan SessionLifetime { get; private set; } = TimeSpan.FromMinutes(30);

    /// <summary>Refuse every login, as after a password change. Default: false.</summary>
    public bool RefuseLogins { get; private set; }

    /// <summary>The HTTP status of a fault: 200 (with <c>TRSException: true</c>) or 500. Default: 200.</summary>
    public int FaultStatus { get; private set; } = 200;

    /// <summary>
    /// Whether <c>findById</c> answers <c>DOCPUBURL</c>. Default: false — it is not among the DOCUMENT fields in TRS's
    /// client (T7), so a connector must not rely on it.
    /// </summary>
    public bool ReturnDocPubUrl { get; private set; }

    /// <summary>The channels bound to the metadata view (T4): only these take <c>savemetaviewdata</c>. Default: both.</summary>
    public IReadOnlyList<int> ViewChannels { get; private set; } = [SandboxCredentials.ApprovalChannelId, SandboxCredentials.ApprovalNoticeChannelId];

    /// <summary>
    /// The view's field names (T4: a view's field names are the site's own). <c>savemetaviewdata</c> stores these and
    /// drops any other parameter, as a view has no column for it. Default: the names in docs/channels/trswcm.md.
    /// </summary>
    public IReadOnlyList<string> ViewFields { get; private set; } = DefaultViewFields;

    public static readonly IReadOnlyList<string> DefaultViewFields =
        ["DOCTITLE", "DOCHTMLCON", "DOCRELTIME", "IDXID", "PUBLISHER", "FILENUM", "WRITTENDATE", "SUBJECTCAT", "GENRE", "VALIDITY", "OPENMODE", "OPENSCOPE", "KEYWORDS"];

    /// <summary>The view field that holds the title (required by the view). Default: DOCTITLE.</summary>
    public string ViewTitleField { get; private set; } = "DOCTITLE";

    /// <summary>The view field that holds the HTML body. Default: DOCHTMLCON.</summary>
    public string ViewBodyField { get; private set; } = "DOCHTMLCON";

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
            var problem = property.Name switch
            {
                "sessionLifetimeSeconds" => property.Value.TryGetDouble(out var s) && s > 0 && s <= MaxLifetime.TotalSeconds
                    ? null : $"must be a number of seconds above 0 and at most {MaxLifetime.TotalSeconds}",
                "refuseLogins" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
                "faultStatus" => property.Value.TryGetInt32(out var f) && f is 200 or 500 ? null : "must be 200 or 500",
                "returnDocPubUrl" => property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false",
                "viewChannels" => property.Value.ValueKind == JsonValueKind.Array && property.Value.EnumerateArray().All(e => e.TryGetInt32(out var c) && ApprovalSite.Channels.ContainsKey(c))
                    ? null : "must be an array of the site's channel ids",
                "viewFields" => property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() > 0
                    && property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String && e.GetString()!.Length is > 0 and <= 64)
                    ? null : "must be a non-empty array of field names",
                "viewTitleField" or "viewBodyField" => property.Value.ValueKind == JsonValueKind.String && property.Value.GetString()!.Length is > 0 and <= 64
                    ? null : "must be a field name",
                _ => "is not a setting (known: sessionLifetimeSeconds, refuseLogins, faultStatus, returnDocPubUrl, viewChannels, viewFields, viewTitleField, viewBodyField)",
            };
            if (problem is not null)
            {
                errors[property.Name] = [problem];
            }
        }

        return errors;
    }

    /// <summary>Applies a body that <see cref="Validate"/> accepted.</summary>
    public void Apply(JsonElement body)
    {
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "sessionLifetimeSeconds":
                    SessionLifetime = TimeSpan.FromSeconds(property.Value.GetDouble());
                    break;
                case "refuseLogins":
                    RefuseLogins = property.Value.GetBoolean();
                    break;
                case "faultStatus":
                    FaultStatus = property.Value.GetInt32();
                    break;
                case "returnDocPubUrl":
                    ReturnDocPubUrl = property.Value.GetBoolean();
                    break;
                case "viewChannels":
                    ViewChannels = [.. property.Value.EnumerateArray().Select(e => e.GetInt32())];
                    break;
                case "viewFields":
                    ViewFields = [.. property.Value.EnumerateArray().Select(e => e.GetString()!)];
                    break;
                case "viewTitleField":
                    ViewTitleField = property.Value.GetString()!;
                    break;
                case "viewBodyField":
                    ViewBodyField = property.Value.GetString()!;
                    break;
            }
        }
    }

    public JsonObject ToJson() => new()
    {
        ["sessionLifetimeSeconds"] = SessionLifetime.TotalSeconds,
        ["refuseLogins"] = RefuseLogins,
        ["faultStatus"] = FaultStatus,
        ["returnDocPubUrl"] = ReturnDocPubUrl,
        ["viewChannels"] = new JsonArray([.. ViewChannels.Select(c => (JsonNode)c)]),
        ["viewFields"] = new JsonArray([.. ViewFields.Select(f => (JsonNode)f)]),
        ["viewTitleField"] = ViewTitleField,
        ["viewBodyField"] = ViewBodyField,
    };
}
