
namespace Syndicator.Core.Intake;

/// <summary>
/// What each allowed media type looks like: the extensions its files may have and the bytes they start with (docs/api.md,
/// "Files"). A file whose name, declared type and content do not all agree is refused, so a script cannot arrive as
/// text or a page as an image.
/// </summary>
internal static class FileTypes
{
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Zip = "PK\x03\x04"u8.ToArray();

    private static readonly Dictionary<string, FileType> Known = new(StringComparer.Ordinal)
    {
        ["image/jpeg"] = new("a JPEG image", [".jpg", ".jpeg"], "FF D8 FF", c => c.StartsWith((byte[])[0xFF, 0xD8, 0xFF])),
        ["image/png"] = new("a PNG image", [".png"], "89 50 4E 47 0D 0A 1A 0A", c => c.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        ["image/gif"] = new("a GIF image", [".gif"], "GIF87a or GIF89a", c => c.StartsWith("GIF87a"u8) || c.StartsWith("GIF89a"u8)),
        ["image/webp"] = new("a WebP image", [".webp"], "RIFF, 4 bytes, WEBP", c => c.Length >= 12 && c.StartsWith("RIFF"u8) && c[8..12].SequenceEqual("WEBP"u8)),
        ["application/pdf"] = new("a PDF", [".pdf"], "%PDF- (within the first 1,024 bytes)", c => c[..Math.Min(c.Length, 1024)].IndexOf("%PDF-"u8) >= 0),
        ["application/msword"] = new("a Word 97–2003 document", [".doc"], "D0 CF 11 E0 A1 B1 1A E1 (OLE2)", c => c.StartsWith(Ole2)),
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = new("a Word document", [".docx"], "PK 03 04 (zip)", c => c.StartsWith(Zip)),
        ["application/vnd.ms-excel"] = new("an Excel 97–2003 workbook", [".xls"], "D0 CF 11 E0 A1 B1 1A E1 (OLE2)", c => c.StartsWith(Ole2)),
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = new("an Excel workbook", [".xlsx"], "PK 03 04 (zip)", c => c.StartsWith(Zip)),
        ["application/ofd"] = new("an OFD document", [".ofd"], "PK 03 04 (zip)", c => c.StartsWith(Zip)),
        ["application/zip"] = new("a zip file", [".zip"], "PK 03 04", c => c.StartsWith(Zip)),
        ["application/vnd.ms-works"] = new("a WPS document", [".wps"], "D0 CF 11 E0 A1 B1 1A E1 (OLE2)", c => c.StartsWith(Ole2)),
        ["application/wps-office.doc"] = new("a WPS document", [".doc", ".wps"], "D0 CF 11 E0 A1 B1 1A E1 (OLE2)", c => c.StartsWith(Ole2)),
        ["text/plain"] = new("plain text", [".txt"], "UTF-8 text without NUL", IsText),
    };

    /// <summary>Whether the service knows the type's extensions and content (a configured type must be one of these).</summary>
    public static bool IsKnown(string mediaType) => Known.ContainsKey(mediaType);

    /// <summary>The type's first extension (<c>.pdf</c>), for a stored name; null for an unknown type.</summary>
    public static string? Extension(string mediaType) => Known.TryGetValue(mediaType, out var type) ? type.Extensions[0] : null;

    /// <summary>Checks that the name's extension (when <paramref name="checkName"/>) and the content agree with the declared type; adds each disagreement.</summary>
    public static void Check(string field, Items.MediaFile file, bool checkName, FieldErrors errors)
    {
        if (!Known.TryGetValue(file.MediaType, out var type))
        {
            errors.Add($"{field}.mediaType", $"'{Shorten(file.MediaType)}' is configured as allowed, but the service does not know its extensions and content; it cannot be accepted.");
            return;
        }

        var extension = checkName ? Path.GetExtension(file.Name).ToLowerInvariant() : null;
        if (extension is not null && !type.Extensions.Contains(extension, StringComparer.Ordinal))
        {
            errors.Add($"{field}.name", $"The extension '{Shorten(extension)}' does not match the media type {file.MediaType}: expected {string.Join(" or ", type.Extensions)}.");
        }

        if (!type.Matches(file.Content))
        {
            errors.Add($"{field}.contentBase64", $"The content is not {type.Description}, as the media type {file.MediaType} says: such files start with {type.Signature}.");
        }
    }

    /// <summary>A value quoted in a message, cut short: a sender's string must not make the answer large.</summary>
    internal static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    private static bool IsText(ReadOnlySpan<byte> content) => content.IndexOf((byte)0) < 0 && System.Text.Unicode.Utf8.IsValid(content);

    private sealed record FileType(string Description, string[] Extensions, string Signature, ContentTest Matches);

    private delegate bool ContentTest(ReadOnlySpan<byte> content);
}
