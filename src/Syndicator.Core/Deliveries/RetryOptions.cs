using System.ComponentModel.DataAnnotations;
namespace Syndicator.Core.Deliveries;

/// <summary>The durable retry schedule across attempts (<c>Retry</c>). The schedule is configuration; the timing is data.</summary>
public sealed class RetryOptions : IValidatableObject
{
    /// <summary>The default schedule: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultSchedule =
    [
        TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    /// <summary>
    /// Wait before the n-th retry (n = 1 is the first). When every step is used up the delivery is <c>failed</c>.
    /// Default (when empty): <see cref="DefaultSchedule"/>.
    /// </summary>
    public List<TimeSpan> Schedule { get; set; } = [];

    /// <summary>Each wait is spread by up to ± this fraction. Default: 0.2.</summary>
    [Range(0.0, 0.99)]
    public double Jitter { get; set; } = 0.2;

    /// <summary>
    /// The shortest wait after a try the platform throttled (HTTP 429) or that timed out: a platform that is
    /// overloaded is not asked again sooner, whatever the schedule says. Default: 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SlowDownAtLeast { get; set; } = TimeSpan.FromSeconds(60);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Schedule.Count; i++)
        {
            if (Schedule[i] <= TimeSpan.Zero)
            {
                yield return new ValidationResult($"Retry:Schedule:{i} '{Schedule[i]}' must be positive.");
            }
        }
    }
}

/// <summary>How the dispatcher claims and holds deliveries (<c>Dispatcher</c>).</summary>
public sealed class DispatcherOptions
{
    /// <summary>
    /// How long a claim holds before another worker may take it over; renewed every third of it while a try runs, so
    /// it bounds how long a crashed process's deliveries wait. Default: 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest a lane sleeps before it looks for due work on its own. Default: 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long shutdown lets running tries finish before it releases them. Default: 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A delivery whose tries never finished this many times (the process died or lost the lease during each) is not
    /// tried again but set aside as <c>unconfirmed</c> for an operator, so one poisonous item cannot bring the service
    /// down over and over. Default: 3.
    /// </summary>
    [Range(1, 1_000)]
    public int QuarantineAfter { get; set; } = 3;

    /// <summary>Whether this process dispatches at all (a process may serve only the API). Default: true.</summary>
    public bool Enabled { get; set; } = true;
}
