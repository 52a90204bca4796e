using Syndicator.Core.Items;

namespace Syndicator.Core.Intake;

/// <summary>The configured limits on images, cover and attachments, and that every local image the body shows is carried.</summary>
internal sealed class MediaRules(IntakeOptions limits, FieldErrors errors)
{
    public void Check(
        IReadOnlyList<MediaFile> images, MediaFile? cover, IReadOnlyList<MediaFile> attachments, IReadOnlyList<string> bodyImages)
    {
        var imageTypes = limits.ImageMediaTypes.Count > 0 ? limits.ImageMediaTypes : IntakeOptions.DefaultImageMediaTypes;
        var fileTypes = limits.AttachmentMediaTypes.Count > 0 ? limits.AttachmentMediaTypes : IntakeOptions.DefaultAttachmentMediaTypes;
        Count("images", images.Count, limits.MaxImages);
        Count("attachments", attachments.Count, limits.MaxAttachments);
        Files("images", images, imageTypes, limits.MaxImageBytes);
        Files("attachments", attachments, fileTypes, limits.MaxAttachmentBytes);
        if (cover is not null)
        {
            File("cover", cover, imageTypes, limits.MaxImageBytes);
        }

        var names = images.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in bodyImages.Where(src => !names.Contains(src)))
        {
            errors.Add("body.content", $"<img src=\"{missing}\"> names no image in images[]; add it there or use an absolute URL.");
        }
    }

    private void Count(string field, int count, int max)
    {
        if (count > max)
        {
            errors.Add(field, $"{count} files is over the limit of {max}.");
        }
    }

    private void Files(string field, IReadOnlyList<MediaFile> files, IReadOnlyList<string> types, long maxBytes)
    {
        for (var i = 0; i < files.Count; i++)
        {
            File($"{field}[{i}]", files[i], types, maxBytes);
            if (files.Take(i).Any(f => f.Name == files[i].Name))
            {
                errors.Add($"{field}[{i}].name", $"The name '{files[i].Name}' is used twice.");
            }
        }
    }

    private void File(string field, MediaFile file, IReadOnlyList<string> types, long maxBytes)
    {
        if (!types.Contains(file.MediaType, StringComparer.Ordinal))
        {
            errors.Add($"{field}.mediaType", $"'{file.MediaType}' is not allowed here. Allowed: {string.Join(", ", types)}.");
        }

        if (file.Content.Length > maxBytes)
        {
            errors.Add($"{field}.contentBase64", $"{file.Content.Length} bytes is over the limit of {maxBytes}.");
        }
    }
}
