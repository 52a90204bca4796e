namespace Syndicator.Core.Compliance;

/// <summary>The kinds of personal number the checks look for.</summary>
public enum PersonalNumberKind
{
    /// <summary>居民身份证号码: 18 characters, GB 11643-1999.</summary>
    ResidentId,

    /// <summary>A mainland mobile number: 11 digits, 1[3-9]….</summary>
    Mobile,

    /// <summary>A bank-card number: 16–19 digits passing the Luhn check.</summary>
    BankCard,
}

/// <summary>A personal number found in a text: its kind, where it starts and its masked form.</summary>
public sealed record PersonalNumber(PersonalNumberKind Kind, int Index, string Masked);

/// <summary>
/// Finds unmasked personal numbers in one pass over a text: every maximal run of digits (ASCII or full-width, an
/// 18th character X allowed) is looked at once, so the cost is linear in the text and no regular expression can
/// backtrack. A number inside a longer run of digits is not reported (it is part of something else).
/// </summary>
public static class PersonalNumbers
{
    public static IEnumerable<PersonalNumber> Find(string text, DateOnly today)
    {
        var run = new char[19];
        var i = 0;
        while (i < text.Length)
        {
            if (Digit(text[i]) < 0)
            {
                i++;
                continue;
            }

            var start = i;
            var length = 0;
            while (i < text.Length && Digit(text[i]) is var d && d >= 0)
            {
                if (length < run.Length)
                {
                    run[length] = (char)('0' + d);
                }

                length++;
                i++;
            }

            // An ID's check character may be X: it belongs to the run when 17 digits precede it and no letter or digit follows.
            if (length == 17 && i < text.Length && text[i] is 'X' or 'x' or 'Ｘ' or 'ｘ' && !LetterOrDigitAt(text, i + 1))
            {
                run[17] = 'X';
                length = 18;
                i++;
            }

            if (length is >= 11 and <= 19 && Classify(new string(run, 0, length), PrecededByPlus86(text, start), today) is { } found)
            {
                yield return new PersonalNumber(found.Kind, start, found.Masked);
            }
        }
    }

    private static (PersonalNumberKind Kind, string Masked)? Classify(string run, bool plus86, DateOnly today)
    {
        if (run.Length == 18 && ResidentIds.HasIdShape(run, today))
        {
            // Shaped like an ID (a plausible birth date): an ID when the check character is right, else a typo or a
            // made-up number, and never a bank card.
            return ResidentIds.IsValid(run, today) ? (PersonalNumberKind.ResidentId, Masks.ResidentId(run)) : null;
        }

        if (run.Length == 11 && IsMobile(run))
        {
            return (PersonalNumberKind.Mobile, Masks.Mobile(run));
        }

        if (run.Length == 13 && plus86 && run.StartsWith("86", StringComparison.Ordinal) && IsMobile(run[2..]))
        {
            return (PersonalNumberKind.Mobile, Masks.Mobile(run[2..]));
        }

        return run.Length is >= 16 and <= 19 && !run.Contains('X', StringComparison.Ordinal) && Luhn.IsValid(run)
            ? (PersonalNumberKind.BankCard, Masks.BankCard(run))
            : null;
    }

    /// <summary>1 then 3–9 then nine digits (the mainland's mobile number plan).</summary>
    internal static bool IsMobile(string digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9';

    private static bool PrecededByPlus86(string text, int start) => start > 0 && text[start - 1] is '+' or '＋';

    private static bool LetterOrDigitAt(string text, int index) => index < text.Length && (char.IsLetterOrDigit(text[index]) && text[index] < 0x2E80 || Digit(text[index]) >= 0);

    /// <summary>The value of an ASCII or full-width digit, else -1.</summary>
    internal static int Digit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= '０' and <= '９' => c - '０',
        _ => -1,
    };
}
