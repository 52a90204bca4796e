namespace Syndicator.Channels.NoticeBoard;

/// <summary>
/// Settings of a channel whose connector is <c>noticeboard</c>: the bureau's physical disclosure board (信息公开栏), where
/// an operator prints the notice, posts it and confirms. Bound from <c>Channels:&lt;id&gt;</c>; checked at start-up.
/// </summary>
public sealed class NoticeBoardChannelOptions
{
    /// <summary>Where Debian's <c>fonts-droid-fallback</c> installs its one TrueType file (the default font).</summary>
    public const string DefaultFontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";

    /// <summary>Where Debian's <c>fonts-dejavu-core</c> installs DejaVu Sans (the default Latin font).</summary>
    public const string DefaultLatinFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The name in every page's header, e.g. 桐乡市水利局. Default: none (the item's 发布机构). At most 60 characters.</summary>
    public string? Organisation { get; set; }

    /// <summary>How many days a notice stays on the board (the "张贴至" line); 0 leaves the line out. Default: 30 (0–365).</summary>
    public int DisplayDays { get; set; } = 30;

    /// <summary>
    /// The CJK font: one TrueType-outline file (.ttf), not a collection (.ttc) nor CFF (.otf). Default:
    /// <see cref="DefaultFontPath"/>. A missing or unusable file stops the service at start-up, naming this key.
    /// </summary>
    public string FontPath { get; set; } = DefaultFontPath;

    /// <summary>
    /// The font for Latin letters, digits and punctuation below U+2E80 (the CJK font has none): one TrueType-outline
    /// file. Default: <see cref="DefaultLatinFontPath"/>; checked at start-up like <see cref="FontPath"/>.
    /// </summary>
    public string LatinFontPath { get; set; } = DefaultLatinFontPath;

    /// <summary>Characters of the title set on the notice; a longer title ends in "…". Default: 200 (10–2,000).</summary>
    public int MaxTitleCharacters { get; set; } = 200;

    /// <summary>Characters of body text set on the notice; the rest is left to the original. Default: 30,000 (100–1,000,000).</summary>
    public int MaxBodyCharacters { get; set; } = 30_000;

    /// <summary>Pages of a notice; text that does not fit is left to the original, and the notice says so. Default: 10 (1–200).</summary>
    public int MaxPages { get; set; } = 10;

    /// <summary>How long laying out one notice may take; text not set by then is left to the original. Default: 10 s (up to 5 min).</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest photo of the posted notice an operator may attach when confirming a posting or take-down (JPEG or
    /// PNG, stored as sent). Default: 5 MiB (5,242,880 bytes; 64 KiB–20 MiB).
    /// </summary>
    public int MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Extra instructions for operators, e.g. where the board is. Default: none.</summary>
    public string? Instructions { get; set; }
}
