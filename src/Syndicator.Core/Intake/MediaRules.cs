using Syndicator.Core.Items;

namespace Syndicator.Core.Intake;

/// <summary>
/// The configured limits on images, cover and attachments; each file's name (<see cref="FileNames"/>) and that its
/// name, declared type and content agree (<see cref="FileTypes"/>); and that every local image the body shows is carried.
/// </summary>
internal sealed class MediaRules(IntakeOptions limits, FieldErrors errors)
{
    public void Check(
        IReadOnlyList<MediaFile> images, MediaFile? cover, IReadOnlyList<MediaFile> attachments, IReadOnlyList<string> bodyImages)
    {
        var imageTypes = limits.ImageMediaTypes.Count > 0 ? limits.ImageMediaTypes : IntakeOptions.DefaultImageMediaTypes;
        var fileTypes = limits.AttachmentMediaTypes.Count > 0 ? limits.AttachmentMediaTypes : IntakeOptions.DefaultAttachmentMediaTypes;
        Count("images", images.Count, limits.MaxImages);
        Count("attachments", attachments.Count, limits.MaxAttachments);
        Files("images", images, imageTypes, limits.MaxImageBytes, limits.MaxImages);
        Files("attachments", attachments, fileTypes, limits.MaxAttachmentBytes, limits.MaxAttachments);
        if (cover is not null)
        {
            File("cover", cover, imageTypes, limits.MaxImageBytes);
        }

        var names = images.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in bodyImages.Where(src => !names.Contains(src)))
        {
            errors.Add("body.content", $"<img src=\"{missing}\"> names no image in images[]; add it there (an image from elsewhere is not published: docs/body-policy.md).");
        }
    }

    private void Count(string field, int count, int max)
    {
        if (count > max)
        {
            errors.Add(field, $"{count} files is over the limit of {max}.");
        }
    }

    private void Files(string field, IReadOnlyList<MediaFile> files, IReadOnlyList<string> types, long maxBytes, int max)
    {
        // Over the count, the files are not looked at one by one: the answer stays small and quick whatever was sent.
        if (files.Count > max)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            if (File($"{field}[{i}]", files[i], types, maxBytes) && !seen.Add(files[i].Name))
            {
                errors.Add($"{field}[{i}].name", $"The name '{files[i].Name}' is used twice.");
            }
        }
    }

    /// <summary>Checks one file; returns whether its name is a safe one.</summary>
    private bool File(string field, MediaFile file, IReadOnlyList<string> types, long maxBytes)
    {
        var nameProblem = FileNames.Problem(file.Name, limits.MaxFileNameLength);
        if (nameProblem is not null)
        {
            errors.Add($"{field}.name", nameProblem);
        }

        if (!types.Contains(file.MediaType, StringComparer.Ordinal))
        {
            errors.Add($"{field}.mediaType", $"'{FileTypes.Shorten(file.MediaType)}' is not allowed here. Allowed: {string.Join(", ", types)}.");
        }
        else
        {
            FileTypes.Check(field, file, nameProblem is null, errors);
        }

        if (file.Content.Length > maxBytes)
        {
            errors.Add($"{field}.contentBase64", $"{file.Content.Length} bytes is over the limit of {maxBytes}.");
        }

        return nameProblem is null;
    }
}
