using System.Globalization;

namespace Syndicator.Core.Compliance;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): six digits of region, eight of birth date (yyyyMMdd), three of sequence and a check
/// character computed with ISO 7064 MOD 11-2 over the first seventeen.
/// </summary>
public static class ResidentIds
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Whether <paramref name="id"/> has the shape of an ID: 17 digits, a region not starting with 0, a real birth date.</summary>
    public static bool HasIdShape(string id, DateOnly today) =>
        id.Length == 18
        && id.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') == false
        && id[0] != '0'
        && BirthDate(id, today) is not null;

    /// <summary>Whether <paramref name="id"/> is shaped like an ID and its check character is right.</summary>
    public static bool IsValid(string id, DateOnly today) =>
        HasIdShape(id, today) && char.ToUpperInvariant(id[17]) == CheckCharacter(id.AsSpan(0, 17));

    /// <summary>The ISO 7064 MOD 11-2 check character of 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The birth date when it is a real date from 1900 to <paramref name="today"/>.</summary>
    private static DateOnly? BirthDate(string id, DateOnly today) =>
        DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date.Year >= 1900 && date <= today
            ? date
            : null;
}

/// <summary>The Luhn (mod 10) check that bank-card numbers carry in their last digit (ISO/IEC 7812).</summary>
public static class Luhn
{
    public static bool IsValid(string digits)
    {
        var sum = 0;
        var twice = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (twice)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
            twice = !twice;
        }

        return sum % 10 == 0;
    }
}

/// <summary>
/// Masked forms (gov-publishing §4.5 [YA]): a mobile number keeps its first 3 and last 4 digits (<c>138****1234</c>),
/// an ID its first 2 and last 3 characters (<c>35*************123</c>). The reference gives no form for bank cards;
/// they keep their first 4 and last 4 digits, every other digit starred, so the length still shows.
/// </summary>
public static class Masks
{
    public static string Mobile(string digits) => Keep(digits, 3, 4);

    public static string ResidentId(string id) => Keep(id, 2, 3);

    public static string BankCard(string digits) => Keep(digits, 4, 4);

    private static string Keep(string value, int head, int tail) =>
        string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));
}
