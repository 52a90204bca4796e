using Syndicator.Core.Compliance;
using Syndicator.Core.Items;

namespace Syndicator.Core.Intake;

/// <summary>Why an item was refused: 400 (malformed) or 422 (well-formed but not publishable), with each bad field.</summary>
public sealed record IntakeError(int Status, string Title, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>Either an accepted revision or the reason it was refused.</summary>
public sealed record IntakeResult(ItemRevision? Item, IntakeError? Error)
{
    public bool IsValid => Item is not null;

    /// <summary>What the compliance checks found in an accepted item (warnings and notes only: a blocking finding refuses it).</summary>
    public ComplianceReport Compliance { get; init; } = ComplianceReport.Empty;
}
