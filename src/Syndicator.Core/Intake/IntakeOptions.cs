using System.ComponentModel.DataAnnotations;
namespace Syndicator.Core.Intake;

/// <summary>Limits on what an item may carry (<c>Intake</c>). Breaking one is a 422 naming the field and the limit.</summary>
public sealed class IntakeOptions : IValidatableObject
{
    /// <summary>Longest title, in characters. Default: 200.</summary>
    [Range(1, 10_000)]
    public int MaxTitleLength { get; set; } = 200;

    /// <summary>Longest summary, in characters. Default: 1,000.</summary>
    [Range(1, 100_000)]
    public int MaxSummaryLength { get; set; } = 1000;

    /// <summary>Longest body, in characters. Default: 500,000.</summary>
    [Range(1, 50_000_000)]
    public int MaxBodyLength { get; set; } = 500_000;

    /// <summary>
    /// Longest of every other text field (文号, 发布机构, the reviewers' names, the disclosure metadata, each keyword), in
    /// characters. Default: 200.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxFieldLength { get; set; } = 200;

    /// <summary>Most keywords (主题词). Default: 20.</summary>
    [Range(0, 1_000)]
    public int MaxKeywords { get; set; } = 20;

    /// <summary>
    /// Deepest nesting of elements in a body (HTML elements; markdown's block quotes and lists), checked by a linear
    /// scan before anything parses the body; also the most formatting elements (b, i, font, …) it may leave open at
    /// once. Default: 64.
    /// </summary>
    [Range(1, 1_000)]
    public int MaxBodyDepth { get; set; } = 64;

    /// <summary>Most elements (start tags) in a body, counted before anything parses it. Default: 20,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxBodyElements { get; set; } = 20_000;

    /// <summary>
    /// How long rendering and sanitizing one body may take; past it the item is refused (422 naming
    /// <c>body.content</c>). Default: 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan SanitizeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most reviewers (<c>approval.reviewedBy</c>). Default: 20.</summary>
    [Range(0, 1_000)]
    public int MaxReviewers { get; set; } = 20;

    /// <summary>Most channels an item may name (<c>channels</c>). Default: 20.</summary>
    [Range(1, 1_000)]
    public int MaxChannels { get; set; } = 20;

    /// <summary>Most per-channel overrides (<c>overrides</c>); each key is bounded by <see cref="MaxFieldLength"/>. Default: 20.</summary>
    [Range(0, 1_000)]
    public int MaxOverrides { get; set; } = 20;

    /// <summary>Most images. Default: 50.</summary>
    [Range(0, 1_000)]
    public int MaxImages { get; set; } = 50;

    /// <summary>Most attachments. Default: 20.</summary>
    [Range(0, 1_000)]
    public int MaxAttachments { get; set; } = 20;

    /// <summary>Largest image or cover, decoded, in bytes. Default: 5 MiB.</summary>
    [Range(1L, 1L << 30)]
    public long MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Largest attachment, decoded, in bytes. Default: 20 MiB.</summary>
    [Range(1L, 1L << 31)]
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// Most items checked at once (sanitizing the body, reading the attachments); the rest wait their turn. Default: the
    /// number of processors, at least 2.
    /// </summary>
    [Range(1, 1_024)]
    public int MaxConcurrentChecks { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long a submission waits for a check slot before it is refused as busy (503). Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CheckQueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Media types an image or cover may have. Default: JPEG, PNG, GIF, WebP.</summary>
    public List<string> ImageMediaTypes { get; set; } = [];

    /// <summary>Media types an attachment may have. Default: PDF, Word, Excel, WPS, OFD, ZIP, plain text.</summary>
    public List<string> AttachmentMediaTypes { get; set; } = [];

    /// <summary>Longest file name (image, cover, attachment), in characters; checked before anything else is done with the name. Default: 100.</summary>
    [Range(1, 255)]
    public int MaxFileNameLength { get; set; } = 100;

    public static readonly IReadOnlyList<string> DefaultImageMediaTypes =
        ["image/jpeg", "image/png", "image/gif", "image/webp"];

    public static readonly IReadOnlyList<string> DefaultAttachmentMediaTypes =
    [
        "application/pdf", "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/ofd", "application/zip", "text/plain", "application/vnd.ms-works", "application/wps-office.doc",
    ];

    /// <summary>Every configured media type must be one intake can verify by its extensions and first bytes.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, types) in new[] { (nameof(ImageMediaTypes), ImageMediaTypes), (nameof(AttachmentMediaTypes), AttachmentMediaTypes) })
        {
            for (var i = 0; i < types.Count; i++)
            {
                if (!FileTypes.IsKnown(types[i]))
                {
                    yield return new($"Intake:{key}:{i} '{types[i]}' is not a type intake can verify by its extensions and first bytes (docs/api.md, Files).");
                }
            }
        }
    }
}
