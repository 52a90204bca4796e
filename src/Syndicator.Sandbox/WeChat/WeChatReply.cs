using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// WeChat answers everything with HTTP 200 and a JSON body; errors carry <c>{errcode, errmsg}</c> where errmsg ends
/// with <c> rid: xxxxxxxx-xxxxxxxx-xxxxxxxx</c> (reference §0).
/// </summary>
internal static class WeChatReply
{
    private const string JsonContentType = "application/json; charset=utf-8";

    public static IResult Json(JsonObject body) => TypedResults.Json(body, SandboxJson.Options, JsonContentType);

    /// <summary>The plain success of calls that answer only <c>{errcode:0, errmsg:"ok"}</c>.</summary>
    public static IResult Ok() => Json(new JsonObject { ["errcode"] = 0, ["errmsg"] = "ok" });

    public static JsonObject ErrorBody(int errcode, string? message = null) => new()
    {
        ["errcode"] = errcode,
        ["errmsg"] = $"{message ?? WeChatErrors.Message(errcode)} rid: {Rid()}",
    };

    public static string Rid() =>
        $"{RandomNumberGenerator.GetHexString(8, true)}-{RandomNumberGenerator.GetHexString(8, true)}-{RandomNumberGenerator.GetHexString(8, true)}";

    /// <summary>The origin callers reached the sandbox at, for absolute URLs in answers.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>Reads a JSON object body; the errcode WeChat answers when there is none (44002) or it does not parse (47001).</summary>
    public static async Task<(JsonElement Body, int Errcode)> ReadJsonAsync(HttpRequest request)
    {
        // Not cancelled when the caller goes away: like a real server, the emulator finishes a request it has received.
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, CancellationToken.None);
        if (buffer.Length == 0)
        {
            return (default, WeChatErrors.EmptyPostData);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), 0)
                : (default, WeChatErrors.DataFormatError);
        }
        catch (JsonException)
        {
            return (default, WeChatErrors.DataFormatError);
        }
    }

    public static string? String(this JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Ids exceed Int32 and arrive as a number or a string (reference §0).</summary>
    public static long? Long(this JsonElement body, string name) =>
        long.TryParse(body.String(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static int Int(this JsonElement body, string name, int fallback = 0) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : int.TryParse(body.String(name), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;

    public static bool Bool(this JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
