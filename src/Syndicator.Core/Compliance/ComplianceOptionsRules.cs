namespace Syndicator.Core.Compliance;

/// <summary>
/// The cross-field rules of <see cref="ComplianceOptions"/> (its ranges are attributes): every message names the key
/// and the value.
/// </summary>
internal static class ComplianceOptionsRules
{
    public static List<string> Problems(ComplianceOptions options)
    {
        var errors = new List<string>();
        Mode(errors, nameof(options.PersonalData), options.PersonalData);
        Mode(errors, nameof(options.Secrecy), options.Secrecy);
        Mode(errors, nameof(options.Words), options.Words);
        Mode(errors, nameof(options.Accountability), options.Accountability);
        Mode(errors, nameof(options.DisclosureMetadata), options.DisclosureMetadata);
        for (var i = 0; i < options.WordList.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.WordList[i]))
            {
                errors.Add($"Compliance:WordList:{i} is empty; every listed word must have text.");
            }
        }

        for (var i = 0; i < options.DisclosureChannels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.DisclosureChannels[i]))
            {
                errors.Add($"Compliance:DisclosureChannels:{i} is empty; name a channel id.");
            }
        }

        return errors;
    }

    private static void Mode(List<string> errors, string key, string value)
    {
        if (!Enum.TryParse<ComplianceMode>(value, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(value, out _))
        {
            errors.Add($"Compliance:{key} '{value}' must be Block, Warn or Off.");
        }
    }
}
