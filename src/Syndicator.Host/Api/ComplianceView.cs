using Syndicator.Core.Compliance;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Api;

/// <summary>
/// <c>compliance</c> of <c>GET /api/items/{id}</c>: the findings of checks set to warn (the item was accepted, an operator
/// should look) and what could not be checked. Numbers appear only masked.
/// </summary>
public sealed record ComplianceView(int Revision, DateTimeOffset RecordedAt, IReadOnlyList<FindingView> Findings, IReadOnlyList<ComplianceNote> Notes)
{
    public static ComplianceView From(ComplianceRecord record) => new(
        record.Revision,
        record.RecordedAt,
        record.Report.Findings.Select(f => new FindingView(f.Field, f.Rule, f.Place, f.Masked, f.Message, f.Mode.ToString().ToLowerInvariant())).ToList(),
        record.Report.Notes);
}

/// <summary>One finding: field, rule, place inside the field, masked number, message, and the check's mode.</summary>
public sealed record FindingView(string Field, string Rule, string? Place, string? Masked, string Message, string Mode);
