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
                _ => "is not a setting (known: sessionLifetimeSeconds, refuseLogins, faultStatus)",
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
            }
        }
    }

    public JsonObject ToJson() => new()
    {
        ["sessionLifetimeSeconds"] = SessionLifetime.TotalSeconds,
        ["refuseLogins"] = RefuseLogins,
        ["faultStatus"] = FaultStatus,
    };
}
