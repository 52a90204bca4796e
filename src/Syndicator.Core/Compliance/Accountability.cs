using Syndicator.Core.Items;

namespace Syndicator.Core.Compliance;

/// <summary>
/// The accountability chain the bureau promises, 谁提供、谁审核、谁负责, with the 保密审查 that 条例 第四条 gives the
/// disclosure office (gov-publishing §4.1, §4.3): each name is required when the configuration says so.
/// </summary>
internal static class Accountability
{
    public static IEnumerable<ComplianceFinding> Check(ItemRevision item, ComplianceOptions options)
    {
        var mode = ComplianceOptions.Mode(options.Accountability);
        if (mode == ComplianceMode.Off)
        {
            yield break;
        }

        var approval = item.Approval;
        if (options.RequireConfidentialityReviewer && string.IsNullOrWhiteSpace(approval?.ConfidentialityReviewedBy))
        {
            yield return Missing("approval.confidentialityReviewedBy", "accountability.confidentiality-reviewer",
                "the confidentiality reviewer (保密审查)", "Compliance:RequireConfidentialityReviewer", mode);
        }

        if (options.RequireProvider && string.IsNullOrWhiteSpace(approval?.ProvidedBy))
        {
            yield return Missing("approval.providedBy", "accountability.provider", "who provided the item (谁提供)", "Compliance:RequireProvider", mode);
        }

        if (options.RequireReviewer && (approval?.ReviewedBy ?? []).All(string.IsNullOrWhiteSpace))
        {
            yield return Missing("approval.reviewedBy", "accountability.reviewer", "at least one reviewer (谁审核)", "Compliance:RequireReviewer", mode);
        }
    }

    private static ComplianceFinding Missing(string field, string rule, string what, string key, ComplianceMode mode) =>
        new(field, rule, null, null, $"{field} is required: name {what} (rule {rule}, {key}).", mode);
}
