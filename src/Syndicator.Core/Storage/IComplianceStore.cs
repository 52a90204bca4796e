using Syndicator.Core.Compliance;

namespace Syndicator.Core.Storage;

/// <summary>
/// What the intake compliance checks found in accepted revisions (warnings and notes; a blocking finding refuses the
/// item, and nothing is stored for a refusal). Implementations: SQLite and PostgreSQL, one conformance suite.
/// </summary>
public interface IComplianceStore
{
    /// <summary>
    /// Keeps <paramref name="report"/> for an accepted revision with an audit entry (<c>compliance.flagged</c>), in one
    /// transaction. Once per revision: a second call (a replayed submission) changes nothing and answers false.
    /// </summary>
    Task<bool> RecordComplianceAsync(
        string itemId, int revision, ComplianceReport report, string actor, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>What was kept for that revision; null when nothing was found in it (or it is unknown).</summary>
    Task<ComplianceRecord?> GetComplianceAsync(string itemId, int revision, CancellationToken cancellationToken);
}

/// <summary>A revision's compliance findings as kept.</summary>
public sealed record ComplianceRecord(string ItemId, int Revision, DateTimeOffset RecordedAt, ComplianceReport Report);
