using System.ComponentModel.DataAnnotations;

namespace Syndicator.Host.WebConsole;

/// <summary>The operator console and its sign-in (<c>Console</c>).</summary>
public sealed class ConsoleOptions : IValidatableObject
{
    /// <summary>
    /// Bad passwords from one client address that lock that address out of the account (never the account for
    /// everyone: a guesser must not be able to lock its owner out). Default: 10.
    /// </summary>
    [Range(1, 1000)]
    public int LockoutAttempts { get; set; } = 10;

    /// <summary>
    /// How long a lock-out lasts; also how long a count of bad passwords is kept without a new one. Default: 15 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without use (the cookie slides while in use). Default: 8 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Sign-in attempts one client address (an IPv6 address by its /64) may make per minute, whatever the account and
    /// the spelling of the path. Default: 20.
    /// </summary>
    [Range(1, 10000)]
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary><c>zh-CN</c> or <c>en</c>: the language before a user picks one. Default: zh-CN.</summary>
    public string DefaultLanguage { get; set; } = ConsoleText.Chinese;

    /// <summary>The offset from UTC the console shows times in. Default: +08:00 (China Standard Time).</summary>
    public TimeSpan DisplayOffset { get; set; } = TimeSpan.FromHours(8);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ConsoleText.IsKnown(DefaultLanguage))
        {
            yield return new($"Console:DefaultLanguage must be 'zh-CN' or 'en'; it is '{DefaultLanguage}'.");
        }

        if (DisplayOffset < TimeSpan.FromHours(-14) || DisplayOffset > TimeSpan.FromHours(14) || DisplayOffset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            yield return new($"Console:DisplayOffset must be whole minutes from -14:00 to 14:00; it is {DisplayOffset}.");
        }
    }
}
