using Syndicator.Core.Items;

namespace Syndicator.Channels.SsCms.Tests;

/// <summary>Real media files checked in under <c>Fixtures/</c>: a photo-like JPEG cover (129 KB), two JPEG body images, a PDF.</summary>
internal static class Fixtures
{
    public static MediaFile Cover() => Read("cover.jpg", "image/jpeg");

    public static MediaFile Figure(int number) => Read($"fig{number}.jpg", "image/jpeg");

    public static MediaFile Pdf() => Read("notice.pdf", "application/pdf");

    private static MediaFile Read(string name, string mediaType) =>
        new(name, mediaType, File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));
}
