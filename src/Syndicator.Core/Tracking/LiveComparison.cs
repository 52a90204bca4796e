namespace Syndicator.Core.Tracking;

/// <summary>How a comparison of title and body becomes a <see cref="LiveCheck"/>, the same for every connector.</summary>
public static class LiveComparison
{
    /// <summary>The most characters of a live title recorded and quoted. Default: 300.</summary>
    public const int MaxLiveTitle = 300;

    /// <summary>Compares a live title and body (HTML) with the approved ones, by <see cref="ContentFingerprint"/>.</summary>
    public static LiveCheck Compare(string? liveTitle, string? liveBodyHtml, string expectedTitle, string expectedBodyHtml)
    {
        var fingerprint = ContentFingerprint.Of(liveBodyHtml);
        return Judge(
            ContentFingerprint.Squeeze(liveTitle) == ContentFingerprint.Squeeze(expectedTitle),
            fingerprint == ContentFingerprint.Of(expectedBodyHtml),
            liveTitle ?? "",
            expectedTitle,
            fingerprint);
    }

    /// <summary>The verdict from whether title and body match, with the live title and fingerprint for the record.</summary>
    public static LiveCheck Judge(bool titleMatches, bool bodyMatches, string liveTitle, string expectedTitle, string fingerprint)
    {
        // The live title is a remote page's text: it is kept, shown and quoted in alerts only up to a bound.
        ArgumentNullException.ThrowIfNull(liveTitle);
        liveTitle = liveTitle.Length <= MaxLiveTitle ? liveTitle : liveTitle[..MaxLiveTitle] + "…";
        if (titleMatches && bodyMatches)
        {
            return new LiveCheck(LiveStatus.Verified, liveTitle, fingerprint, "与审核通过的内容一致 title and body match what was approved");
        }

        var parts = new List<string>();
        if (!titleMatches)
        {
            parts.Add($"标题不同 the title differs: live '{liveTitle}', approved '{expectedTitle}'");
        }

        if (!bodyMatches)
        {
            parts.Add("正文不同 the body's text differs from what was approved");
        }

        return new LiveCheck(LiveStatus.Changed, liveTitle, fingerprint, string.Join("; ", parts));
    }
}
