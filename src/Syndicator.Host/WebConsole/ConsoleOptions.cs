using Microsoft.Extensions.Options;

namespace Syndicator.Host.WebConsole;

/// <summary>The operator console and its sign-in (<c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    /// <summary>
    /// Bad passwords from one client address that lock that address out of the account (never the account for
    /// everyone: a guesser must not be able to lock its owner out). Default: 10.
    /// </summary>
    public int LockoutAttempts { get; set; } = 10;

    /// <summary>
    /// How long a lock-out lasts; also how long a count of bad passwords is kept without a new one. Default: 15 minutes.
    /// </summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without use (the cookie slides while in use). Default: 8 hours.</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Sign-in attempts one client address (an IPv6 address by its /64) may make per minute, whatever the account and
    /// the spelling of the path. Default: 20.
    /// </summary>
    public int SignInsPerMinute { get; set; } = 20;

    /// <summary><c>zh-CN</c> or <c>en</c>: the language before a user picks one. Default: zh-CN.</summary>
    public string DefaultLanguage { get; set; } = ConsoleText.Chinese;

    /// <summary>The offset from UTC the console shows times in. Default: +08:00 (China Standard Time).</summary>
    public TimeSpan DisplayOffset { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>Checks <see cref="ConsoleOptions"/> at start-up; each message names the key and the value.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        var errors = new List<string>();
        if (options.LockoutAttempts is < 1 or > 1000)
        {
            errors.Add($"Console:LockoutAttempts must be from 1 to 1000; it is {options.LockoutAttempts}.");
        }

        if (options.LockoutDuration < TimeSpan.FromSeconds(1) || options.LockoutDuration > TimeSpan.FromDays(30))
        {
            errors.Add($"Console:LockoutDuration must be from 00:00:01 to 30.00:00:00; it is {options.LockoutDuration}.");
        }

        if (options.CookieLifetime < TimeSpan.FromMinutes(1) || options.CookieLifetime > TimeSpan.FromDays(30))
        {
            errors.Add($"Console:CookieLifetime must be from 00:01:00 to 30.00:00:00; it is {options.CookieLifetime}.");
        }

        if (options.SignInsPerMinute is < 1 or > 10000)
        {
            errors.Add($"Console:SignInsPerMinute must be from 1 to 10000; it is {options.SignInsPerMinute}.");
        }

        if (!ConsoleText.IsKnown(options.DefaultLanguage))
        {
            errors.Add($"Console:DefaultLanguage must be 'zh-CN' or 'en'; it is '{options.DefaultLanguage}'.");
        }

        if (options.DisplayOffset < TimeSpan.FromHours(-14) || options.DisplayOffset > TimeSpan.FromHours(14)
            || options.DisplayOffset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            errors.Add($"Console:DisplayOffset must be whole minutes from -14:00 to 14:00; it is {options.DisplayOffset}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
