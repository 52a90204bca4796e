using Syndicator.Core.Items;

namespace Syndicator.Core.Intake;

/// <summary>Reads submitted files: name, media type and base64 content are required; base64 must decode. The rest is <see cref="MediaRules"/>.</summary>
internal sealed class MediaReader(FieldErrors errors)
{
    public IReadOnlyList<MediaFile> ReadList(List<SubmittedFile?>? files, string field)
    {
        var result = new List<MediaFile>();
        for (var i = 0; i < (files?.Count ?? 0); i++)
        {
            if (Read(files![i], $"{field}[{i}]") is { } file)
            {
                result.Add(file);
            }
        }

        return result;
    }

    public MediaFile? Read(SubmittedFile? file, string field)
    {
        if (file is null)
        {
            errors.Add(field, "A file must be an object with name, mediaType and contentBase64.");
            return null;
        }

        // Only that there is a name: what the name may be (FileNames) is a 422 of MediaRules, its length checked first.
        var ok = true;
        if (string.IsNullOrEmpty(file.Name))
        {
            errors.Add($"{field}.name", "A file name is required, e.g. fig1.png.");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(file.MediaType))
        {
            errors.Add($"{field}.mediaType", "The media type is required, e.g. image/jpeg.");
            ok = false;
        }

        var bytes = Decode(file.ContentBase64);
        if (bytes is null)
        {
            errors.Add($"{field}.contentBase64", "The content is required, as standard base64.");
            ok = false;
        }

        return ok ? new MediaFile(file.Name!, file.MediaType!.Trim().ToLowerInvariant(), bytes!) : null;
    }

    private static byte[]? Decode(string? base64)
    {
        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        var buffer = new byte[base64.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }
}
