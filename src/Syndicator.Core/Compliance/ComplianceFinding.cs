using System.Text.Json.Serialization;

namespace Syndicator.Core.Compliance;

/// <summary>
/// One thing a check found: the field it is in (<c>body</c>, <c>attachments[0]</c>, <c>approval.providedBy</c>), the
/// rule, where inside the field when known (<c>page 2</c>, <c>paragraph 5</c>), the masked form of a number (never the
/// number itself) and a message that says how to put it right.
/// </summary>
public sealed record ComplianceFinding(
    string Field,
    string Rule,
    string? Place,
    string? Masked,
    string Message,
    [property: JsonConverter(typeof(JsonStringEnumConverter<ComplianceMode>))] ComplianceMode Mode);

/// <summary>Something the checks could not look at, e.g. an attachment of a type they cannot read.</summary>
public sealed record ComplianceNote(string Field, string Message);

/// <summary>What the checks found in one revision.</summary>
public sealed record ComplianceReport(IReadOnlyList<ComplianceFinding> Findings, IReadOnlyList<ComplianceNote> Notes)
{
    public static readonly ComplianceReport Empty = new([], []);

    /// <summary>Findings of checks set to <see cref="ComplianceMode.Block"/>: the item is refused.</summary>
    [JsonIgnore]
    public IEnumerable<ComplianceFinding> Blocking => Findings.Where(f => f.Mode == ComplianceMode.Block);

    /// <summary>
    /// Set when an attachment could not be read because the service was busy reading others: the item is neither
    /// refused for its content nor accepted unchecked, but answered "busy, send again" (503).
    /// </summary>
    [JsonIgnore]
    public string? Busy { get; init; }

    /// <summary>Whether there is anything to keep for operators (findings or notes).</summary>
    [JsonIgnore]
    public bool IsEmpty => Findings.Count == 0 && Notes.Count == 0;
}
