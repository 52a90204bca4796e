using System.Globalization;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Application;

/// <summary>
/// Checks what an operator confirms for a hand-off on a physical outlet (a notice board): a day, not a URL; the day
/// neither in the future nor before the item was approved (a take-down: nor before the posting); a photo, when given,
/// a JPEG or PNG by its content and within the channel's size limit. Every problem is named by its field.
/// </summary>
internal static class BoardConfirmationRules
{
    /// <summary>The longest photo file name kept.</summary>
    public const int MaxFileNameLength = 100;

    private static readonly string[] PhotoTypes = ["image/jpeg", "image/png"];

    /// <summary>
    /// The proof to store, or the refusal naming every bad field. <paramref name="today"/>, <paramref name="approvedOn"/>
    /// (the delivery's revision's approval, else acceptance) and <paramref name="postedOn"/> (for a take-down: the last
    /// confirmed posting; null when none) are days of China's calendar.
    /// </summary>
    public static (HandoffProof? Proof, Refusal? Refusal) Check(
        HandoffConfirmation confirmation, Delivery delivery, int maxPhotoBytes, DateOnly today, DateOnly approvedOn, DateOnly? postedOn)
    {
        var errors = new FieldErrors();
        var takingDown = delivery.Operation == DeliveryOperation.Withdraw;
        var (field, value, other, otherValue) = takingDown
            ? ("takenDownOn", confirmation.TakenDownOn, "postedOn", confirmation.PostedOn)
            : ("postedOn", confirmation.PostedOn, "takenDownOn", confirmation.TakenDownOn);
        if (!string.IsNullOrWhiteSpace(confirmation.Url))
        {
            errors.Add("url", $"Channel '{delivery.Channel}' is a notice board: nothing there has an address. Confirm with {field} " +
                "(the day, yyyy-MM-dd) instead of a URL.");
        }

        if (!string.IsNullOrWhiteSpace(otherValue))
        {
            errors.Add(other, $"Delivery '{delivery.Id}' is a {WireNames.Of(delivery.Operation)}: confirm it with {field}, not {other}.");
        }

        var day = Day(field, value, takingDown, today, approvedOn, postedOn, errors);
        var photo = confirmation.Photo is { } upload ? Photo(upload, maxPhotoBytes, $"Channels:{delivery.Channel}:MaxPhotoBytes", errors) : null;
        return errors.Any || day is null
            ? (null, new Refusal(RefusalKind.Unprocessable, "The confirmation is not possible as given.",
                string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value)), errors.ToDictionary()))
            : (HandoffProof.Board(day.Value, photo), null);
    }

    private static DateOnly? Day(
        string field, string? value, bool takingDown, DateOnly today, DateOnly approvedOn, DateOnly? postedOn, FieldErrors errors)
    {
        var what = takingDown ? "taken down" : "posted";
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, $"{field} is required: the day the notice was {what} (yyyy-MM-dd, China's calendar).");
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            errors.Add(field, $"{field} '{FileTypes.Shorten(value)}' is not a date: give it as yyyy-MM-dd, e.g. {Text(today)}.");
            return null;
        }

        if (day > today)
        {
            errors.Add(field, $"{field} {Text(day)} is in the future: today is {Text(today)} in China.");
        }
        else if (day < approvedOn)
        {
            errors.Add(field, $"{field} {Text(day)} is before the item was approved ({Text(approvedOn)}).");
        }
        else if (takingDown && postedOn is { } posted && day < posted)
        {
            errors.Add(field, $"{field} {Text(day)} is before the notice was posted ({Text(posted)}).");
        }

        return day;
    }

    private static MediaFile? Photo(PhotoUpload upload, int maxPhotoBytes, string limitKey, FieldErrors errors)
    {
        if (upload.Data is not { Length: > 0 } data)
        {
            errors.Add("photo.data", "The photo's content is required (base64 in JSON), or leave the photo out.");
            return null;
        }

        if (data.Length > maxPhotoBytes)
        {
            errors.Add("photo.data", $"The photo is {data.Length} bytes, over the limit of {maxPhotoBytes} bytes ({limitKey}).");
            return null;
        }

        var type = upload.ContentType?.Trim().ToLowerInvariant();
        if (type is null || !PhotoTypes.Contains(type, StringComparer.Ordinal))
        {
            errors.Add("photo.contentType", $"'{FileTypes.Shorten(upload.ContentType ?? "")}' is not allowed: a photo must be image/jpeg or image/png.");
            return null;
        }

        var name = Path.GetFileName(upload.FileName?.Trim() ?? "");
        if (name.Length == 0)
        {
            name = "photo" + FileTypes.Extension(type);
        }
        else if (name.Length > MaxFileNameLength || TextRules.Problem(name) is not null)
        {
            errors.Add("photo.fileName", $"The file name must be text of at most {MaxFileNameLength} characters.");
            return null;
        }

        var file = new MediaFile(name, type, data);
        var found = new FieldErrors();
        FileTypes.Check("photo", file, checkName: upload.FileName is not null, found);
        foreach (var (key, messages) in found.ToDictionary())
        {
            var renamed = key.Replace(".contentBase64", ".data", StringComparison.Ordinal).Replace(".name", ".fileName", StringComparison.Ordinal)
                .Replace(".mediaType", ".contentType", StringComparison.Ordinal);
            foreach (var message in messages)
            {
                errors.Add(renamed, message);
            }
        }

        return found.Any ? null : file;
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
