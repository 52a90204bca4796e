using Syndicator.Core.Items;

namespace Syndicator.Core.Intake;

/// <summary>
/// The name a platform stores a file under: generated from a prefix, a number and the extension of the file's verified
/// media type (<c>att-1.pdf</c>), never the sender's name — which is kept for display (link text, description).
/// </summary>
public static class StoredFileNames
{
    /// <summary><c>{prefix}-{number}.{extension}</c>, e.g. <c>att-1.pdf</c>.</summary>
    public static string For(MediaFile file, string prefix, int number) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{number}.{Extension(file)}");

    /// <summary>The extension of the file's media type, without the dot (<c>pdf</c>, <c>jpg</c>); <c>bin</c> for a type intake does not know.</summary>
    public static string Extension(MediaFile file) => FileTypes.Extension(file.MediaType)?[1..] ?? "bin";
}
