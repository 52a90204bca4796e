using Microsoft.Extensions.Options;

namespace Syndicator.Core.Compliance;

/// <summary>Start-up validation of <see cref="ComplianceOptions"/>: every message names the key and the value.</summary>
internal sealed class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>
{
    public ValidateOptionsResult Validate(string? name, ComplianceOptions options)
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

        // The attachment bounds carry their ranges as attributes; each message names the key and the value.
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            options.Attachments, new(options.Attachments), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                var value = typeof(AttachmentOptions).GetProperty(member)?.GetValue(options.Attachments);
                errors.Add($"Compliance:Attachments:{member} '{value}' is out of range: {result.ErrorMessage}");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Mode(List<string> errors, string key, string value)
    {
        if (!Enum.TryParse<ComplianceMode>(value, ignoreCase: true, out var mode) || !Enum.IsDefined(mode) || int.TryParse(value, out _))
        {
            errors.Add($"Compliance:{key} '{value}' must be Block, Warn or Off.");
        }
    }
}
