namespace Syndicator.Core.Compliance;

/// <summary>The checks that read text: personal numbers, secrecy markings and listed words.</summary>
internal sealed class TextChecks(ComplianceMode pii, ComplianceMode secrecy, ComplianceMode words, IReadOnlyList<string> wordList, DateOnly today)
{
    public IEnumerable<ComplianceFinding> Check(string field, LocatedText text)
    {
        if (pii != ComplianceMode.Off)
        {
            foreach (var number in PersonalNumbers.Find(text.Text, today))
            {
                var place = text.PlaceOf(number.Index);
                yield return new ComplianceFinding(field, Rule(number.Kind), place, number.Masked, PiiMessage(field, place, number), pii);
            }
        }

        if (secrecy != ComplianceMode.Off)
        {
            foreach (var (index, marking) in SecrecyMarkings.Find(text.Text))
            {
                var place = text.PlaceOf(index);
                yield return new ComplianceFinding(field, "secrecy.marking", place, null,
                    $"Secrecy marking '{marking}' in {Where(field, place)} (rule secrecy.marking): information bearing a 密级 or 内部 marking "
                    + "is not published (国办发〔2017〕47号: no classified information online). Withdraw the item, or remove the marking "
                    + "once the 保密审查 has cleared the content for release.",
                    secrecy);
            }
        }

        if (words == ComplianceMode.Off)
        {
            yield break;
        }

        foreach (var word in wordList)
        {
            var at = text.Text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var place = text.PlaceOf(at);
                yield return new ComplianceFinding(field, "words.listed", place, null,
                    $"'{word}' in {Where(field, place)} is on the list of words not to publish (rule words.listed, Compliance:WordList); remove or replace it.",
                    words);
            }
        }
    }

    internal static string Rule(PersonalNumberKind kind) => kind switch
    {
        PersonalNumberKind.ResidentId => "pii.resident-id",
        PersonalNumberKind.Mobile => "pii.mobile",
        _ => "pii.bank-card",
    };

    private static string PiiMessage(string field, string? place, PersonalNumber number)
    {
        var (what, keep) = number.Kind switch
        {
            PersonalNumberKind.ResidentId => ("resident ID number (居民身份证号码)", "the first 2 and last 3 characters"),
            PersonalNumberKind.Mobile => ("mobile number", "the first 3 and last 4 digits"),
            _ => ("bank-card number", "the first 4 and last 4 digits"),
        };
        return $"Unmasked {what} {number.Masked} in {Where(field, place)} (rule {Rule(number.Kind)}): publish it masked as "
            + $"{number.Masked}, keeping only {keep} (gov-publishing §4.5), or remove it.";
    }

    private static string Where(string field, string? place) => place is null ? field : $"{field}, {place}";
}
