using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// The media and article-content rules of the emulator that tests can turn (through <c>POST /_sandbox/wechat/settings</c>,
/// beside <see cref="WeChatSettings"/>'s own fields). Each cites its fact in platform-truth.md §3 or wechat-api.md.
/// </summary>
internal sealed class WeChatMediaRules
{
    /// <summary>
    /// Refuse (41005 media data missing) an upload whose <c>Content-Type</c> quotes the boundary or whose part sends
    /// <c>filename*</c>: W6 — SKIT.FlurlHttpClient.Wechat builds its form unquoted and without <c>filename*</c> because
    /// .NET's default form does not work with Tencent's endpoints. Default: true.
    /// </summary>
    public bool StrictMultipart { get; set; } = true;

    /// <summary>
    /// 53402 (封面裁剪失败) at draft/add for a cover narrower than this many pixels (W3: small or oddly shaped covers can
    /// fail with 53402; wechat-api.md §4a, community thread 0002683c89cf486a3e412467e66000). Default: null (off).
    /// </summary>
    public int? CoverMinWidth { get; set; }

    /// <summary>As <see cref="CoverMinWidth"/>, for the height. Default: null (off).</summary>
    public int? CoverMinHeight { get; set; }

    /// <summary>53402 for a cover whose longer side exceeds this many times its shorter side (W3). Default: null (off).</summary>
    public double? CoverMaxAspect { get; set; }

    /// <summary>
    /// Strict byte mode for titles: 45003 past this many UTF-8 bytes (W5: community reports near 60 bytes, although the
    /// documentation says 32 字). Default: null (only the documented 32 characters).
    /// </summary>
    public int? TitleByteLimit { get; set; }

    /// <summary>Strict byte mode for authors: 45110 past this many UTF-8 bytes (W5: ~20 bytes). Default: null (only 16 characters).</summary>
    public int? AuthorByteLimit { get; set; }

    public JsonObject With(JsonObject json)
    {
        json["strictMultipart"] = StrictMultipart;
        json["coverMinWidth"] = CoverMinWidth;
        json["coverMinHeight"] = CoverMinHeight;
        json["coverMaxAspect"] = CoverMaxAspect;
        json["titleByteLimit"] = TitleByteLimit;
        json["authorByteLimit"] = AuthorByteLimit;
        return json;
    }

    public static bool IsValid(string key, JsonElement value) => key switch
    {
        "strictMultipart" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "coverMaxAspect" => value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.Number && value.GetDouble() >= 1),
        "coverMinWidth" or "coverMinHeight" or "titleByteLimit" or "authorByteLimit" => value.ValueKind == JsonValueKind.Null
            || (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n >= 1),
        _ => false,
    };

    public void Apply(string key, JsonElement value)
    {
        int? Int() => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();
        switch (key)
        {
            case "strictMultipart": StrictMultipart = value.GetBoolean(); break;
            case "coverMinWidth": CoverMinWidth = Int(); break;
            case "coverMinHeight": CoverMinHeight = Int(); break;
            case "coverMaxAspect": CoverMaxAspect = value.ValueKind == JsonValueKind.Null ? null : value.GetDouble(); break;
            case "titleByteLimit": TitleByteLimit = Int(); break;
            case "authorByteLimit": AuthorByteLimit = Int(); break;
        }
    }

    /// <summary>Whether the upload's framing is one Tencent refuses (W6): a quoted boundary or a <c>filename*</c>.</summary>
    public bool RefusesFraming(HttpRequest request, IFormFile file)
    {
        if (!StrictMultipart)
        {
            return false;
        }

        var contentType = request.Headers.ContentType.ToString();
        return contentType.Contains("boundary=\"", StringComparison.OrdinalIgnoreCase)
            || file.ContentDisposition.Contains("filename*", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>53402 when the cover image is below the minimum size or oddly shaped (W3); 0 otherwise.</summary>
    public int CoverErrcode(StoredImage? image)
    {
        if (image is null || (CoverMinWidth is null && CoverMinHeight is null && CoverMaxAspect is null))
        {
            return 0;
        }

        if (ImageSize.Of(image.Bytes) is not var (width, height) || width <= 0 || height <= 0)
        {
            return WeChatErrors.CoverCropFailed;
        }

        var aspect = (double)Math.Max(width, height) / Math.Min(width, height);
        return width < CoverMinWidth || height < CoverMinHeight || aspect > CoverMaxAspect ? WeChatErrors.CoverCropFailed : 0;
    }

    /// <summary>The strict byte mode's errcode for a title or author (W5); 0 when within it or off.</summary>
    public int ByteErrcode(string? title, string? author) =>
        TitleByteLimit is { } t && title is not null && Encoding.UTF8.GetByteCount(title) > t ? WeChatErrors.TitleSizeOutOfLimit
        : AuthorByteLimit is { } a && author is not null && Encoding.UTF8.GetByteCount(author) > a ? WeChatErrors.AuthorSizeOutOfLimit
        : 0;
}

/// <summary>Pixel dimensions read from an image header (PNG, GIF, BMP, JPEG), as the platform would see them.</summary>
internal static class ImageSize
{
    public static (int Width, int Height)? Of(ReadOnlySpan<byte> bytes)
    {
        switch (ImageKinds.Sniff(bytes))
        {
            case ImageKind.Png when bytes.Length >= 24:
                return (BinaryPrimitives.ReadInt32BigEndian(bytes[16..]), BinaryPrimitives.ReadInt32BigEndian(bytes[20..]));
            case ImageKind.Gif when bytes.Length >= 10:
                return (BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]), BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]));
            case ImageKind.Bmp when bytes.Length >= 26:
                return (BinaryPrimitives.ReadInt32LittleEndian(bytes[18..]), Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(bytes[22..])));
            case ImageKind.Jpeg:
                return Jpeg(bytes);
            default:
                return null;
        }
    }

    private static (int, int)? Jpeg(ReadOnlySpan<byte> bytes)
    {
        var i = 2;
        while (i + 9 < bytes.Length)
        {
            if (bytes[i] != 0xFF)
            {
                i++;
                continue;
            }

            var marker = bytes[i + 1];
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7) or 0xFF)
            {
                i += marker == 0xFF ? 1 : 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(bytes[(i + 5)..]));
            }

            i += 2 + length;
        }

        return null;
    }
}
