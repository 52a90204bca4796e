using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// <c>media/uploadimg</c> and <c>material/add_material</c> (reference §2, §3), multipart field <c>media</c>. Rules:
/// uploadimg takes jpg/png only (40005 invalid file type) under 1 MB (40009 invalid image size) — W3, wechat-api.md §2
/// (UIMG); add_material type=image takes bmp/png/jpeg/jpg/gif up to 10 MB, type=thumb a JPG up to 64 KB — W3, §3 (AMAT);
/// the type is read from the bytes, not the name. A part without <c>filename</c> is not a file: 41005 media data missing
/// (silenceper/wechat PR #832); a quoted boundary or a <c>filename*</c> is refused the same way in strict mode (W6).
/// </summary>
internal static class MediaApi
{
    private const long UploadImgLimit = 1024 * 1024;
    private const long ImageMaterialLimit = 10 * 1024 * 1024;
    private const long ThumbLimit = 64 * 1024;

    public static RouteGroupBuilder MapWeChatMediaApi(this RouteGroupBuilder cgi)
    {
        cgi.MapPost("/media/uploadimg", UploadImg);
        cgi.MapPost("/material/add_material", AddMaterial);
        return cgi;
    }

    public static async Task<IResult> UploadImg(HttpRequest request, WeChatEmulator wechat)
    {
        var bytes = await ReadMediaAsync(request, wechat);
        if (bytes is null)
        {
            return wechat.Error(WeChatErrors.MediaDataMissing);
        }

        var kind = ImageKinds.Sniff(bytes);
        if (kind is not (ImageKind.Jpeg or ImageKind.Png))
        {
            return wechat.Error(WeChatErrors.InvalidFileType);
        }

        if (bytes.Length >= UploadImgLimit)
        {
            return wechat.Error(WeChatErrors.ImageTooLarge);
        }

        lock (wechat.Gate)
        {
            var name = wechat.Media.AddImage(bytes, kind);
            return WeChatReply.Json(new JsonObject { ["url"] = ImageUrl(request, name), ["errcode"] = 0, ["errmsg"] = "ok" });
        }
    }

    public static async Task<IResult> AddMaterial(HttpRequest request, WeChatEmulator wechat)
    {
        string? type = request.Query["type"];
        if (type is not ("image" or "thumb"))
        {
            // voice and video are outside what the emulator stores.
            return wechat.Error(WeChatErrors.InvalidMediaType);
        }

        var bytes = await ReadMediaAsync(request, wechat);
        if (bytes is null)
        {
            return wechat.Error(WeChatErrors.MediaDataMissing);
        }

        var kind = ImageKinds.Sniff(bytes);
        if (kind == ImageKind.None || (type == "thumb" && kind != ImageKind.Jpeg))
        {
            return wechat.Error(WeChatErrors.InvalidFileType);
        }

        if (bytes.Length > (type == "thumb" ? ThumbLimit : ImageMaterialLimit))
        {
            return wechat.Error(WeChatErrors.ImageTooLarge);
        }

        lock (wechat.Gate)
        {
            var material = wechat.Media.AddMaterial(type, wechat.Media.AddImage(bytes, kind));
            var answer = new JsonObject { ["media_id"] = material.MediaId };
            if (type == "image")
            {
                answer["url"] = ImageUrl(request, material.ImageName!);
            }

            return WeChatReply.Json(answer);
        }
    }

    public static string ImageUrl(HttpRequest request, string name) =>
        $"{WeChatReply.Origin(request)}/{WeChatEmulator.ChannelName}{MediaStore.ImagePath}{name}";

    private static async Task<byte[]?> ReadMediaAsync(HttpRequest request, WeChatEmulator wechat)
    {
        if (!request.HasFormContentType)
        {
            return null;
        }

        var form = await request.ReadFormAsync(CancellationToken.None);
        if (form.Files.GetFile("media") is not { Length: > 0 } file)
        {
            return null;
        }

        lock (wechat.Gate)
        {
            if (wechat.Settings.Media.RefusesFraming(request, file))
            {
                return null;
            }
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, CancellationToken.None);
        return buffer.ToArray();
    }
}
