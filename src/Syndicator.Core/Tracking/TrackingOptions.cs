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
    public TimeSpan FirstCheckAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every live placement is verified again. Default: 6 hours.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Checks per channel in one run at most, so one run cannot hammer a platform. Default: 500.</summary>
    public int MaxPerRun { get; set; } = 500;

    /// <summary>Problems, each naming the key and its value.</summary>
    public IEnumerable<string> Problems()
    {
        if (FirstCheckAfter < TimeSpan.FromSeconds(1) || FirstCheckAfter > TimeSpan.FromDays(1))
        {
            yield return $"Tracking:FirstCheckAfter {FirstCheckAfter} must be from 00:00:01 to 1.00:00:00.";
        }

        if (Interval < TimeSpan.FromMinutes(1) || Interval > TimeSpan.FromDays(7))
        {
            yield return $"Tracking:Interval {Interval} must be from 00:01:00 to 7.00:00:00.";
        }

        if (MaxPerRun is < 1 or > 100_000)
        {
            yield return $"Tracking:MaxPerRun {MaxPerRun} must be from 1 to 100000.";
        }
    }
}
