namespace Syndicator.Channels.SsCms;

/// <summary>SSCMS versions and what they mean for us (platform-truth.md S5).</summary>
internal static class SsCmsVersion
{
    /// <summary>
    /// From 7.3.1 (commit 24cecb239, released 2024-08-02) the update route binds a dictionary and keeps the fields not
    /// sent; before, it binds a whole <c>Content</c> and overwrites them with defaults, answering 200.
    /// </summary>
    public static readonly Version FirstSafeUpdate = new(7, 3, 1);

    /// <summary>A version as SSCMS reports it (<c>7.4.0</c>, maybe with a pre-release or build suffix); null when it is not one.</summary>
    public static Version? Parse(string? text)
    {
        var core = text?.Trim().Split('-', '+', ' ')[0];
        return System.Version.TryParse(core, out var version) && version.Build >= 0
            ? new Version(version.Major, version.Minor, version.Build)
            : null;
    }
}
