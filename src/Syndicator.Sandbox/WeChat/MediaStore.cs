using System.Security.Cryptography;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// Images uploaded with <c>media/uploadimg</c> (served back under <c>/wechat/mmbiz/</c>) and permanent materials of
/// <c>material/add_material</c>. Callers hold the emulator's lock.
/// </summary>
internal sealed class MediaStore
{
    public const string ImagePath = "/mmbiz/";

    private readonly Dictionary<string, StoredImage> _images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Material> _materials = new(StringComparer.Ordinal);

    /// <summary>Stores an image and answers its file name below <see cref="ImagePath"/>.</summary>
    public string AddImage(byte[] bytes, ImageKind kind)
    {
        var name = $"{NewId(24)}.{kind.Extension()}";
        _images[name] = new StoredImage(bytes, kind.ContentType());
        return name;
    }

    public StoredImage? Image(string name) => _images.GetValueOrDefault(name);

    public Material AddMaterial(string type, string? imageName)
    {
        var material = new Material(NewId(43), type, imageName);
        _materials[material.MediaId] = material;
        return material;
    }

    /// <summary>A permanent image or thumb material: the only kind a draft's cover may name (else 40007).</summary>
    public Material? Cover(string? mediaId) =>
        mediaId is not null && _materials.TryGetValue(mediaId, out var material) && material.Type is "image" or "thumb" ? material : null;

    public void Clear()
    {
        _images.Clear();
        _materials.Clear();
    }

    public static string NewId(int length) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)).Replace('+', '-').Replace('/', '_').TrimEnd('=')[..length];
}

internal sealed record StoredImage(byte[] Bytes, string ContentType);

/// <summary>A permanent material; <see cref="ImageName"/> is the served file of an image or thumb.</summary>
internal sealed record Material(string MediaId, string Type, string? ImageName);

internal enum ImageKind
{
    None,
    Jpeg,
    Png,
    Gif,
    Bmp,
}

internal static class ImageKinds
{
    /// <summary>What the bytes are, by their signature: the platform does not trust the file name.</summary>
    public static ImageKind Sniff(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xFF, 0xD8, 0xFF, ..] => ImageKind.Jpeg,
        [0x89, 0x50, 0x4E, 0x47, ..] => ImageKind.Png,
        [0x47, 0x49, 0x46, 0x38, ..] => ImageKind.Gif,
        [0x42, 0x4D, ..] => ImageKind.Bmp,
        _ => ImageKind.None,
    };

    public static string Extension(this ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "jpg",
        ImageKind.Png => "png",
        ImageKind.Gif => "gif",
        _ => "bmp",
    };

    public static string ContentType(this ImageKind kind) => kind switch
    {
        ImageKind.Jpeg => "image/jpeg",
        ImageKind.Png => "image/png",
        ImageKind.Gif => "image/gif",
        _ => "image/bmp",
    };
}
