using SkiaSharp;
using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>The image fitter on its own: hostile and ordinary input (W3).</summary>
public sealed class WeChatImagesTests
{
    [Fact]
    public void Fit_SmallPng_TakenAsItIsWithoutNote()
    {
        var png = TestImages.Png(10, 10);

        var (image, problem) = WeChatImages.Fit(new MediaFile("a.png", "image/png", png), WeChatImageUse.Body);

        Assert.Null(problem);
        Assert.Same(png, image!.File.Content);
        Assert.Null(image.Note);
    }

    [Fact]
    public void Fit_JpegLabelledPng_RenamedAndRetypedFromTheBytes()
    {
        using var bitmap = new SKBitmap(8, 8);
        bitmap.Erase(SKColors.Red);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 80);

        var (image, _) = WeChatImages.Fit(new MediaFile("a.png", "image/png", data.ToArray()), WeChatImageUse.Body);

        Assert.Equal("a.jpg", image!.File.Name);
        Assert.Equal("image/jpeg", image.File.MediaType);
    }

    [Fact]
    public void Fit_TruncatedImage_AnswersWithoutThrowing()
    {
        var whole = TestImages.Noise(300, 200, SKEncodedImageFormat.Webp); // WebP must be decoded and re-encoded
        var truncated = whole[..(whole.Length / 3)];

        var (image, problem) = WeChatImages.Fit(new MediaFile("t.webp", "image/webp", truncated), WeChatImageUse.Body);

        // Skia decodes what is there (the rest stays blank) or refuses; either way no exception and a verdict.
        Assert.True(image is not null || problem is not null);
        Assert.True(image is null || image.File.Content.Length < 1024 * 1024);
    }

    [Fact]
    public void Problem_DeclaredFortyOneMegapixels_RefusedWithoutDecoding()
    {
        var problem = WeChatImages.Problem(new MediaFile("bomb.png", "image/png", TestImages.PngHeader(8200, 5000)), WeChatImageUse.Cover);

        Assert.Contains("8200×5000", problem, StringComparison.Ordinal);
    }
}
