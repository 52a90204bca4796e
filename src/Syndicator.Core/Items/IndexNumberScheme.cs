using System.Globalization;
using System.Text.RegularExpressions;

namespace Syndicator.Core.Items;

/// <summary>
/// How 索引号 are formed (reference gov-publishing §4.2): <c>{code}/{year}-{serial}</c> — the publisher's 9-character
/// organisation code or 18-character unified social credit code, the four-digit year, and a serial of
/// <see cref="SerialWidth"/> digits counting from 1, per year unless <see cref="ResetsEachYear"/> is off.
/// The year is the year of acceptance in China Standard Time.
/// </summary>
public sealed partial record IndexNumberScheme(string Code, int SerialWidth = 5, bool ResetsEachYear = true)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static int YearOf(DateTimeOffset acceptedAt) => acceptedAt.ToOffset(ChinaOffset).Year;

    /// <summary>The counter a serial is drawn from: one per code and year (or one per code).</summary>
    public string CounterOf(int year) => ResetsEachYear ? string.Create(CultureInfo.InvariantCulture, $"{Code}/{year}") : Code;

    public string Format(int year, long serial) =>
        string.Create(CultureInfo.InvariantCulture, $"{Code}/{year}-{serial.ToString("D" + SerialWidth.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}");

    /// <summary>Whether <paramref name="code"/> can lead an index number: 9 or 18 of 0–9 and A–Z.</summary>
    public static bool IsValidCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>
    /// Whether an index number an item brings has the form of one: a code, a slash, a year (or year and month), a dash
    /// and a serial of 3–8 digits (e.g. <c>002482285/2023-00209</c>, <c>…/202110-00013</c>).
    /// </summary>
    public static bool IsWellFormed(string? value) => value is not null && NumberPattern().IsMatch(value);

    [GeneratedRegex(@"\A(?:[0-9A-Z]{9}|[0-9A-Z]{18})\z")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\A(?:[0-9A-Z]{9}|[0-9A-Z]{18})/[0-9]{4}(?:[0-9]{2})?-[0-9]{3,8}\z")]
    private static partial Regex NumberPattern();
}
