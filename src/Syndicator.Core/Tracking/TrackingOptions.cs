using System.ComponentModel.DataAnnotations;
namespace Syndicator.Core.Tracking;

/// <summary>Tracking after release (<c>Tracking</c>): verification of what is live against what was approved.</summary>
public sealed class TrackingOptions
{
    /// <summary>Whether placements are verified at all. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long after a publish or update succeeds its first verification is due (the platform may take a moment to
    /// render the page); also how often due first checks are looked for. Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FirstCheckAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every live placement is verified again. Default: 6 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Checks per channel in one run at most, so one run cannot hammer a platform. Default: 500.</summary>
    [Range(1, 100_000)]
    public int MaxPerRun { get; set; } = 500;
}
