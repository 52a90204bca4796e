namespace Syndicator.Core.Compliance;

/// <summary>
/// The checks run on every item at intake (<c>Compliance</c>; docs/compliance.md). Each check is <c>Block</c> (the
/// item is refused with 422), <c>Warn</c> (accepted; the findings are kept and shown to operators) or <c>Off</c>.
/// </summary>
public sealed class ComplianceOptions : System.ComponentModel.DataAnnotations.IValidatableObject
{
    /// <summary>Unmasked personal data: resident ID, mobile and bank-card numbers. Default: Block.</summary>
    public string PersonalData { get; set; } = nameof(ComplianceMode.Block);

    /// <summary>Secrecy markings (绝密, 机密, 秘密, 内部 in marking position). Default: Block.</summary>
    public string Secrecy { get; set; } = nameof(ComplianceMode.Block);

    /// <summary>The words of <see cref="WordList"/>. Default: Block.</summary>
    public string Words { get; set; } = nameof(ComplianceMode.Block);

    /// <summary>Words that must not appear anywhere (case-insensitive). Default: none.</summary>
    public List<string> WordList { get; set; } = [];

    /// <summary>The accountability chain (谁提供、谁审核、谁负责) as the Require… settings ask. Default: Block.</summary>
    public string Accountability { get; set; } = nameof(ComplianceMode.Block);

    /// <summary>Whether <c>approval.confidentialityReviewedBy</c> (保密审查) is required. Default: true.</summary>
    public bool RequireConfidentialityReviewer { get; set; } = true;

    /// <summary>Whether <c>approval.providedBy</c> (谁提供) is required. Default: true.</summary>
    public bool RequireProvider { get; set; } = true;

    /// <summary>Whether at least one <c>approval.reviewedBy</c> (谁审核) is required. Default: true.</summary>
    public bool RequireReviewer { get; set; } = true;

    /// <summary>The catalogue metadata a disclosure portal requires (主题分类, 成文日期 of a document). Default: Block.</summary>
    public string DisclosureMetadata { get; set; } = nameof(ComplianceMode.Block);

    /// <summary>The channels that are disclosure portals. Default (when empty): every channel whose connector is <c>jcms</c>.</summary>
    public List<string> DisclosureChannels { get; set; } = [];

    public IEnumerable<System.ComponentModel.DataAnnotations.ValidationResult> Validate(
        System.ComponentModel.DataAnnotations.ValidationContext validationContext) =>
        ComplianceOptionsRules.Problems(this).Select(p => new System.ComponentModel.DataAnnotations.ValidationResult(p));

    /// <summary>Bounds on reading attachments' text (<c>Compliance:Attachments</c>). Default: see each setting.</summary>
    public AttachmentOptions Attachments { get; set; } = new();

    /// <summary>The parsed mode of a check (valid after start-up validation).</summary>
    internal static ComplianceMode Mode(string value) =>
        Enum.TryParse<ComplianceMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : ComplianceMode.Block;
}

/// <summary>What a check does with a finding.</summary>
public enum ComplianceMode
{
    /// <summary>Refuse the item (422).</summary>
    Block,

    /// <summary>Accept the item and keep the finding for operators.</summary>
    Warn,

    /// <summary>Do not run the check.</summary>
    Off,
}
