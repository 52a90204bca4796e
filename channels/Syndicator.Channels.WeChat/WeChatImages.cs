using System.Diagnostics;
using System.Globalization;
using SkiaSharp;
using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat;

/// <summary>Where an image goes, and so which of WeChat's rules it must meet (platform-truth W3).</summary>
internal enum WeChatImageUse
{
    /// <summary><c>media/uploadimg</c>: jpg/png only, under 1 MB.</summary>
    Body,

    /// <summary><c>material/add_material?type=image</c>: bmp/png/jpeg/jpg/gif, 10 MB.</summary>
    Cover,
}

/// <summary>An image as it will be uploaded; <see cref="Note"/> says what was changed to make it fit, if anything.</summary>
internal sealed record FittedImage(MediaFile File, string? Note);

/// <summary>
/// Fits images to WeChat's upload rules (platform-truth W3; wechat-api.md §2, §3) with SkiaSharp (Google's Skia codecs:
/// libjpeg-turbo, libpng, libwebp, Wuffs for GIF — the decoders Chrome ships and OSS-Fuzz runs continuously). Hostile
/// input is normal input: the declared dimensions are read from the header first, and an image over
/// <see cref="MaxPixels"/> is never decoded; re-encoding stops at <see cref="TimeBudget"/>.
/// </summary>
internal static class WeChatImages
{
    /// <summary>uploadimg takes images "under 1 MB" (W3): at most 1 MiB − 1 byte.</summary>
    public const int BodyMaxBytes = (1024 * 1024) - 1;

    /// <summary>add_material takes images of 10 MB (W3); kept strictly under, as the documents do not say inclusive.</summary>
    public const int CoverMaxBytes = (10 * 1024 * 1024) - 1;

    /// <summary>The largest image decoded at all: 40 megapixels (160 MB of RGBA).</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>A fitted image is never wider or taller than this (WeChat shows articles at phone width).</summary>
    public const int MaxEdge = 2560;

    /// <summary>Re-encoding gives up (and the delivery is refused) after this long.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(20);

    /// <summary>Why <paramref name="file"/> cannot be fitted for <paramref name="use"/>; null when it can (or needs nothing).</summary>
    public static string? Problem(MediaFile file, WeChatImageUse use)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var data = SKData.CreateCopy(file.Content);
        using var codec = SKCodec.Create(data);
        return Refusal(file, codec, use);
    }

    /// <summary>The image as WeChat will take it, or the reason it cannot be made so.</summary>
    public static (FittedImage? Image, string? Problem) Fit(MediaFile file, WeChatImageUse use)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var data = SKData.CreateCopy(file.Content);
        using var codec = SKCodec.Create(data);
        if (Refusal(file, codec, use) is { } problem)
        {
            return (null, problem);
        }

        var format = codec!.EncodedFormat;
        var limit = use == WeChatImageUse.Body ? BodyMaxBytes : CoverMaxBytes;
        if (Accepted(format, use) && file.Content.Length <= limit)
        {
            // Taken as it is; only the declared type and the name follow the bytes (WeChat reads the file, not the label).
            var mediaType = MediaType(format);
            return (new FittedImage(file with { Name = WithExtension(file.Name, format), MediaType = mediaType }, null), null);
        }

        return Reencode(file, codec, use, limit);
    }

    /// <summary>The fitted file, or the file itself when it cannot be fitted (WeChat's answer then says why).</summary>
    public static MediaFile Fitted(MediaFile file, WeChatImageUse use) => Fit(file, use).Image?.File ?? file;

    private static string? Refusal(MediaFile file, SKCodec? codec, WeChatImageUse use)
    {
        if (codec is null)
        {
            return $"'{file.Name}' could not be read as an image (JPEG, PNG, GIF, WebP or BMP), so it cannot be fitted to WeChat's " +
                (use == WeChatImageUse.Body ? "rule for article images (jpg/png under 1 MB)" : "rule for covers (bmp/png/jpeg/gif, 10 MB)") + ".";
        }

        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif
            or SKEncodedImageFormat.Webp or SKEncodedImageFormat.Bmp))
        {
            return $"'{file.Name}' is {codec.EncodedFormat}; WeChat takes JPEG or PNG (covers also GIF and BMP), and only JPEG, PNG, GIF, WebP and BMP are converted.";
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"'{file.Name}' declares {width}×{height} pixels, over the limit of {MaxPixels / 1_000_000} megapixels for fitting images to WeChat's rules; send a smaller image.");
        }

        return null;
    }

    private static (FittedImage? Image, string? Problem) Reencode(MediaFile file, SKCodec codec, WeChatImageUse use, int limit)
    {
        var clock = Stopwatch.StartNew();
        var source = codec.EncodedFormat;
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        if (decoded is null)
        {
            return (null, $"'{file.Name}' could not be decoded, so it cannot be fitted to WeChat's rules.");
        }

        using var upright = Upright(decoded, codec.EncodedOrigin);
        var opaque = source is SKEncodedImageFormat.Jpeg || IsOpaque(upright);
        var scale = Math.Min(1.0, (double)MaxEdge / Math.Max(upright.Width, upright.Height));
        var why = Reason(file, source, use, limit);

        // Lossless first for what is not a photograph already (PNG keeps transparency), then JPEG at falling quality,
        // then smaller sizes; every step is bounded by the time budget.
        if (source is not SKEncodedImageFormat.Jpeg)
        {
            using var png = Scaled(upright, scale, flatten: false);
            if (Encode(png, SKEncodedImageFormat.Png, 100) is { } bytes && bytes.Length <= limit)
            {
                return Done(file, bytes, SKEncodedImageFormat.Png, png, why);
            }
        }

        for (var attempt = 0; attempt < 12 && clock.Elapsed < TimeBudget; attempt++)
        {
            var quality = attempt switch { 0 => 90, 1 => 80, _ => 75 };
            var step = attempt <= 1 ? scale : scale * Math.Pow(0.8, attempt - 1);
            using var jpeg = Scaled(upright, step, flatten: true);
            if (Encode(jpeg, SKEncodedImageFormat.Jpeg, quality) is { } bytes && bytes.Length <= limit)
            {
                return Done(file, bytes, SKEncodedImageFormat.Jpeg, jpeg, why + (opaque ? "" : "（透明部分以白色填充）"));
            }
        }

        return (null, $"'{file.Name}' could not be brought under WeChat's limit of {Megabytes(limit + 1)} within {TimeBudget.TotalSeconds:0} s.");
    }

    private static (FittedImage, string?) Done(MediaFile file, byte[] bytes, SKEncodedImageFormat format, SKBitmap bitmap, string why)
    {
        var name = WithExtension(file.Name, format);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"图片 {file.Name} {why}，已转为 {(format == SKEncodedImageFormat.Png ? "PNG" : "JPEG")}（{bitmap.Width}×{bitmap.Height}，{Megabytes(bytes.Length)}）上传为 {name}");
        return (new FittedImage(new MediaFile(name, MediaType(format), bytes), note), null);
    }

    private static string Reason(MediaFile file, SKEncodedImageFormat source, WeChatImageUse use, int limit) =>
        !Accepted(source, use)
            ? $"为 {source.ToString().ToUpperInvariant()}（微信{(use == WeChatImageUse.Body ? "正文图片只收 JPG/PNG" : "封面只收 BMP/PNG/JPEG/GIF")}）"
            : $"为 {Megabytes(file.Content.Length)}（微信{(use == WeChatImageUse.Body ? "正文图片" : "封面")}须小于 {Megabytes(limit + 1)}）";

    private static bool Accepted(SKEncodedImageFormat format, WeChatImageUse use) => use == WeChatImageUse.Body
        ? format is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png
        : format is SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png or SKEncodedImageFormat.Gif or SKEncodedImageFormat.Bmp;

    private static SKBitmap Scaled(SKBitmap source, double scale, bool flatten)
    {
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, flatten ? SKAlphaType.Opaque : SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(flatten ? SKColors.White : SKColors.Transparent);
        canvas.DrawBitmap(source, new SKRect(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        return target;
    }

    /// <summary>Turns the pixels the way the EXIF orientation says, since re-encoding drops the tag.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var rotated = new SKBitmap(new SKImageInfo(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(rotated);
        canvas.Clear(SKColors.Transparent);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        return rotated;
    }

    private static bool IsOpaque(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque)
        {
            return true;
        }

        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 255)
            {
                return false;
            }
        }

        return true;
    }

    private static byte[]? Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality);
        return data?.ToArray();
    }

    private static string MediaType(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Png => "image/png",
        SKEncodedImageFormat.Gif => "image/gif",
        _ => "image/bmp",
    };

    /// <summary>The name with the extension of what the bytes are (uploads are named by their file name).</summary>
    private static string WithExtension(string name, SKEncodedImageFormat format)
    {
        var extension = format switch
        {
            SKEncodedImageFormat.Jpeg => ".jpg",
            SKEncodedImageFormat.Png => ".png",
            SKEncodedImageFormat.Gif => ".gif",
            _ => ".bmp",
        };
        var current = Path.GetExtension(name);
        return format == SKEncodedImageFormat.Jpeg && current.ToUpperInvariant() is ".JPG" or ".JPEG" ? name
            : string.Equals(current, extension, StringComparison.OrdinalIgnoreCase) ? name
            : Path.ChangeExtension(name, extension);
    }

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.##} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} KB");
}
