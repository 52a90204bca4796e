using System.ComponentModel.DataAnnotations;

namespace Syndicator.Core.Compliance;

/// <summary>
/// Bounds on reading an attachment's text for the checks (<c>Compliance:Attachments</c>; docs/compliance.md). Each is
/// decided before parsing starts; a file that reaches one is not checked, which refuses the item when the text checks
/// are set to Block and is recorded as unchecked when they are set to Warn.
/// </summary>
public sealed class AttachmentOptions
{
    /// <summary>
    /// Most bytes the streams of a PDF, or the entries of a DOCX, may inflate to, counted as they are inflated (PDF
    /// images at their stored size: their pixels are not read). Default: 64 MiB.
    /// </summary>
    [Range(1L, 4L * 1024 * 1024 * 1024)]
    public long MaxDecodedBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most pages of a PDF. Default: 1,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxPages { get; set; } = 1000;

    /// <summary>Most paragraphs of a DOCX. Default: 200,000.</summary>
    [Range(1, 100_000_000)]
    public int MaxParagraphs { get; set; } = 200_000;

    /// <summary>Most characters of text taken from one attachment. Default: 2,000,000.</summary>
    [Range(1, 500_000_000)]
    public int MaxCharacters { get; set; } = 2_000_000;

    /// <summary>Most entries in a DOCX (a zip file). Default: 2,000.</summary>
    [Range(1, 1_000_000)]
    public int MaxEntries { get; set; } = 2000;

    /// <summary>
    /// Highest ratio of a DOCX entry's inflated size to its stored size, for entries over 100 KiB inflated. Default: 100.
    /// </summary>
    [Range(2, 100_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Deepest nesting of PDF arrays and dictionaries outside content streams. Default: 100.</summary>
    [Range(2, 10_000)]
    public int MaxDepth { get; set; } = 100;

    /// <summary>Longest time reading one attachment's text may take. Default: 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Most attachments read at once in the process; another waits for a place up to <see cref="Deadline"/>. Default: 2.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrent { get; set; } = 2;
}
