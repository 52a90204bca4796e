namespace Syndicator.Core.Intake;

/// <summary>Every text and list field's limit (<see cref="IntakeOptions"/>), checked before anything is parsed.</summary>
public sealed partial class ItemValidator
{
    /// <summary>An approval a day ahead of acceptance is a clock's error at most; later is no approval at all.</summary>
    private static readonly TimeSpan ApprovalClockSkew = TimeSpan.FromDays(1);

    /// <summary>Adds an error per field over its limit; false when the channels or overrides are too many to resolve.</summary>
    private bool CheckLimits(SubmittedItem item, FieldErrors errors, DateTimeOffset now)
    {
        Limit(errors, "title", item.Title, _limits.MaxTitleLength);
        Limit(errors, "summary", item.Summary, _limits.MaxSummaryLength);
        // Channels and override keys are resolved against the catalogue only when they are few and short.
        var resolvable = Count(errors, "channels", item.Channels?.Count ?? 0, _limits.MaxChannels, "Intake:MaxChannels");
        for (var i = 0; resolvable && i < (item.Channels?.Count ?? 0); i++)
        {
            resolvable &= Limit(errors, $"channels[{i}]", item.Channels![i], _limits.MaxFieldLength);
        }

        var overrides = Count(errors, "overrides", item.Overrides?.Count ?? 0, _limits.MaxOverrides, "Intake:MaxOverrides");
        resolvable &= overrides;
        foreach (var (channel, value) in overrides ? item.Overrides ?? [] : [])
        {
            if (Limit(errors, $"overrides.{Shown(channel)}", channel, _limits.MaxFieldLength))
            {
                Limit(errors, $"overrides.{channel}.title", value!.Title, _limits.MaxTitleLength);
                Limit(errors, $"overrides.{channel}.summary", value.Summary, _limits.MaxSummaryLength);
            }
            else
            {
                resolvable = false;
            }
        }

        CheckFieldLimits(item, errors, now);
        return resolvable;
    }

    /// <summary>Every other text field is short: a name, a number, a term.</summary>
    private void CheckFieldLimits(SubmittedItem item, FieldErrors errors, DateTimeOffset now)
    {
        var max = _limits.MaxFieldLength;
        Limit(errors, "documentNumber", item.DocumentNumber, max);
        Limit(errors, "publisher", item.Publisher, max);
        Limit(errors, "approval.providedBy", item.Approval?.ProvidedBy, max);
        Limit(errors, "approval.confidentialityReviewedBy", item.Approval?.ConfidentialityReviewedBy, max);
        var reviewers = item.Approval?.ReviewedBy ?? [];
        if (Count(errors, "approval.reviewedBy", reviewers.Count, _limits.MaxReviewers, "Intake:MaxReviewers"))
        {
            for (var i = 0; i < reviewers.Count; i++)
            {
                Limit(errors, $"approval.reviewedBy[{i}]", reviewers[i], max);
            }
        }

        if (item.Approval?.ApprovedAt is { } approvedAt && approvedAt > now + ApprovalClockSkew)
        {
            errors.Add("approval.approvedAt", $"The approval time {approvedAt:O} is later than the time of acceptance ({now:O}) by more than a day.");
        }

        if (item.Disclosure is not { } d)
        {
            return;
        }

        Limit(errors, "disclosure.topic", d.Topic, max);
        Limit(errors, "disclosure.genre", d.Genre, max);
        Limit(errors, "disclosure.validity", d.Validity, max);
        Limit(errors, "disclosure.mode", d.Mode, max);
        Limit(errors, "disclosure.scope", d.Scope, max);
        var keywords = d.Keywords ?? [];
        if (Count(errors, "disclosure.keywords", keywords.Count, _limits.MaxKeywords, "Intake:MaxKeywords"))
        {
            for (var i = 0; i < keywords.Count; i++)
            {
                Limit(errors, $"disclosure.keywords[{i}]", keywords[i], max);
            }
        }
    }

    /// <summary>False, with an error naming the list and its limit, when a list is too long to look at item by item.</summary>
    private static bool Count(FieldErrors errors, string field, int count, int max, string key)
    {
        if (count <= max)
        {
            return true;
        }

        errors.Add(field, $"{count} entries is over the limit of {max} ({key}).");
        return false;
    }

    /// <summary>Adds an error when <paramref name="value"/> is too long or holds a character no platform can carry.</summary>
    private static bool Limit(FieldErrors errors, string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            errors.Add(field, $"{value.Length} characters is over the limit of {max}.");
        }
        else if (value is not null && TextRules.Problem(value) is { } problem)
        {
            errors.Add(field, problem);
        }
        else
        {
            return true;
        }

        return false;
    }

    /// <summary>An override's key as a field name in an error: cut short when it is itself over the limit.</summary>
    private string Shown(string key) => key.Length > _limits.MaxFieldLength ? key[.._limits.MaxFieldLength] + "…" : key;
}
