using System.Text.Json;
using System.Text.Json.Serialization;

namespace Syndicator.Core.Events;

/// <summary>
/// An event about to be stored: its type, what it is about (for routing and listing) and its data. The payload sent
/// is the Standard Webhooks envelope <c>{"type", "timestamp", "data"}</c>, serialized once here and stored as sent.
/// </summary>
public sealed record EventDraft(
    string Type, string ItemId, int? Revision, string? Channel, IReadOnlyList<string> Channels, DateTimeOffset OccurredAt, object Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A new event id: <c>evt_</c> and 32 hex digits, time-ordered.</summary>
    public static string NewId() => "evt_" + Guid.CreateVersion7().ToString("N");

    /// <summary>The body every try sends, byte for byte.</summary>
    public string Payload() => JsonSerializer.Serialize(
        new Envelope(Type, OccurredAt.ToUniversalTime(), Data), Json);

    private sealed record Envelope(string Type, DateTimeOffset Timestamp, object Data);
}
