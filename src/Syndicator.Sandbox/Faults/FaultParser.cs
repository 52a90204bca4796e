using System.Text.Json;

namespace Syndicator.Sandbox.Faults;

/// <summary>
/// Reads the body of <c>POST /_sandbox/{channel}/faults</c>. Every problem is reported against the field that has it,
/// so that a mistyped fault fails loudly instead of silently never hitting.
/// </summary>
internal sealed class FaultParser
{
    private static readonly string[] KindFields = ["status", "latencyMs", "reset", "commitThenReset", "wechatErrcode"];

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private FaultKind? _kind;
    private int _status;
    private int _latencyMs;
    private int _wechatErrcode;
    private int? _count;
    private double? _forSeconds;
    private string? _path;

    public static (Fault? Fault, IDictionary<string, string[]> Errors) Parse(JsonElement body, DateTimeOffset now)
    {
        var parser = new FaultParser();
        if (body.ValueKind != JsonValueKind.Object)
        {
            parser.Error("$", "A fault is a JSON object.");
            return (null, parser._errors);
        }

        foreach (var property in body.EnumerateObject())
        {
            parser.Read(property);
        }

        if (parser._kind is null && parser._errors.Count == 0)
        {
            parser.Error("$", $"A fault needs one of: {string.Join(", ", KindFields)}.");
        }

        return parser._errors.Count > 0 ? (null, parser._errors) : (parser.Build(now), parser._errors);
    }

    private void Read(JsonProperty property)
    {
        var value = property.Value;
        switch (property.Name)
        {
            case "status": SetKind(property.Name, FaultKind.Status, () => _status = ReadInt(property.Name, value, 100, 599)); break;
            case "latencyMs": SetKind(property.Name, FaultKind.Latency, () => _latencyMs = ReadInt(property.Name, value, 0, 600_000)); break;
            case "reset": SetKind(property.Name, FaultKind.Reset, () => ReadTrue(property.Name, value)); break;
            case "commitThenReset": SetKind(property.Name, FaultKind.CommitThenReset, () => ReadTrue(property.Name, value)); break;
            case "wechatErrcode": SetKind(property.Name, FaultKind.WechatErrcode, () => _wechatErrcode = ReadInt(property.Name, value, int.MinValue, int.MaxValue)); break;
            case "count": _count = ReadInt(property.Name, value, 1, int.MaxValue); break;
            case "forSeconds": _forSeconds = ReadSeconds(property.Name, value); break;
            case "path": _path = ReadPath(property.Name, value); break;
            default: Error(property.Name, $"Unknown field '{property.Name}'."); break;
        }
    }

    private void SetKind(string field, FaultKind kind, Action read)
    {
        if (_kind is not null)
        {
            Error(field, $"A fault has exactly one kind; '{field}' comes after another kind field.");
            return;
        }

        _kind = kind;
        read();
    }

    private Fault Build(DateTimeOffset now) => new()
    {
        Kind = _kind!.Value,
        Status = _status,
        Latency = TimeSpan.FromMilliseconds(_latencyMs),
        WechatErrcode = _wechatErrcode,
        Path = _path,
        // Neither count nor forSeconds: one hit. forSeconds alone: every request until it expires.
        Remaining = _count ?? (_forSeconds is null ? 1 : null),
        ExpiresAt = _forSeconds is { } seconds ? now + TimeSpan.FromSeconds(seconds) : null,
    };

    private int ReadInt(string field, JsonElement value, int min, int max)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }

        Error(field, $"'{field}' must be an integer from {min} to {max}.");
        return 0;
    }

    private void ReadTrue(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.True)
        {
            Error(field, $"'{field}' must be true.");
        }
    }

    private double? ReadSeconds(string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds > 0 && seconds <= 86_400)
        {
            return seconds;
        }

        Error(field, $"'{field}' must be a number of seconds greater than 0 and at most 86400.");
        return null;
    }

    private string? ReadPath(string field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } path && path[0] == '/')
        {
            return path;
        }

        Error(field, $"'{field}' must be a path below the channel prefix starting with '/', e.g. \"/api/v1/contents\".");
        return null;
    }

    private void Error(string field, string message) => _errors[field] = [message];
}
