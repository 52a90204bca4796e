using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.WeChat;

/// <summary>The sandbox on a fake clock, with raw WeChat calls over HTTP as a connector would make them.</summary>
internal sealed class WeChatSandbox : IAsyncDisposable
{
    /// <summary>10:00 in Beijing: a whole day remains before the daily quotas roll over.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private WeChatSandbox(FakeTimeProvider time, SandboxServer server)
    {
        Time = time;
        Server = server;
        Client = server.CreateClient();
    }

    public FakeTimeProvider Time { get; }

    public SandboxServer Server { get; }

    public HttpClient Client { get; }

    public static async Task<WeChatSandbox> StartAsync()
    {
        var time = new FakeTimeProvider(Start);
        return new WeChatSandbox(time, await SandboxServer.StartAsync(time));
    }

    public Task<JsonElement> TokenAsync(string appId = SandboxCredentials.WeChatAppId, string secret = SandboxCredentials.WeChatAppSecret) =>
        GetJsonAsync($"wechat/cgi-bin/token?grant_type=client_credential&appid={appId}&secret={secret}");

    /// <summary>A fresh access token from <c>cgi-bin/token</c>.</summary>
    public async Task<string> AccessTokenAsync() => (await TokenAsync()).GetProperty("access_token").GetString()!;

    public Task<JsonElement> StableTokenAsync(bool force = false, string secret = SandboxCredentials.WeChatAppSecret) =>
        PostJsonAsync("wechat/cgi-bin/stable_token", $$"""
            {"grant_type":"client_credential","appid":"{{SandboxCredentials.WeChatAppId}}","secret":"{{secret}}","force_refresh":{{(force ? "true" : "false")}}}
            """);

    /// <summary>A business call: <c>POST /wechat/cgi-bin/{path}?access_token=</c> with a JSON body.</summary>
    public Task<JsonElement> CallAsync(string path, string json, string? token) =>
        PostJsonAsync(token is null ? $"wechat/cgi-bin/{path}" : $"wechat/cgi-bin/{path}?access_token={Uri.EscapeDataString(token)}", json);

    /// <summary>
    /// An upload framed as Tencent takes it (W6): unquoted boundary, <c>filename="…"</c> only. With
    /// <paramref name="dotnetDefault"/>, framed as .NET's <see cref="MultipartFormDataContent"/> does by default (quoted
    /// boundary, <c>filename*</c>).
    /// </summary>
    public async Task<JsonElement> UploadAsync(string pathAndQuery, string token, byte[] file, string fileName = "a.png", bool dotnetDefault = false)
    {
        using var content = new MultipartFormDataContent("SandboxBoundary7d93");
        using var bytes = new ByteArrayContent(file);
        if (dotnetDefault)
        {
            content.Add(bytes, "media", fileName);
        }
        else
        {
            bytes.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"media\"; filename=\"{fileName}\"");
            content.Add(bytes);
            content.Headers.Remove("Content-Type");
            content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=SandboxBoundary7d93");
        }

        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var response = await Client.PostAsync(new Uri($"wechat/cgi-bin/{pathAndQuery}{separator}access_token={Uri.EscapeDataString(token)}", UriKind.Relative), content);
        return await ReadAsync(response);
    }

    /// <summary>A permanent thumb material: what a draft's cover must name.</summary>
    public async Task<string> ThumbAsync(string token) =>
        (await UploadAsync("material/add_material?type=thumb", token, Jpeg(1024), "c.jpg")).GetProperty("media_id").GetString()!;

    /// <summary>A one-article draft; answers its media_id.</summary>
    public async Task<string> DraftAsync(string token, string title = "水利局工作动态", string content = "<p>正文</p>")
    {
        var thumb = await ThumbAsync(token);
        var answer = await CallAsync("draft/add", $$"""
            {"articles":[{"title":"{{title}}","author":"水利局","content":"{{content}}","content_source_url":"https://example.org/a/1","thumb_media_id":"{{thumb}}"}]}
            """, token);
        return answer.GetProperty("media_id").GetString()!;
    }

    public async Task<HttpStatusCode> SettingsAsync(string json)
    {
        using var response = await Client.PostAsync(new Uri("_sandbox/wechat/settings", UriKind.Relative), Json(json));
        return response.StatusCode;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    public async Task<JsonElement> PostJsonAsync(string path, string json)
    {
        using var response = await Client.PostAsync(new Uri(path, UriKind.Relative), Json(json));
        return await ReadAsync(response);
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>A JPEG of <paramref name="size"/> bytes (signature, then padding: the emulator sniffs, it does not decode).</summary>
    public static byte[] Jpeg(int size) => Image([0xFF, 0xD8, 0xFF, 0xE0], size);

    public static byte[] Png(int size) => Image([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size);

    public static byte[] Gif(int size) => Image("GIF89a"u8.ToArray(), size);

    /// <summary>A PNG header declaring <paramref name="width"/>×<paramref name="height"/> (what the emulator reads for 53402).</summary>
    public static byte[] PngOf(int width, int height)
    {
        var bytes = Png(64);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }

    /// <summary>A RIFF/WEBP header: neither uploadimg nor add_material takes WebP (W3).</summary>
    public static byte[] Webp(int size) => Image("RIFF\0\0\0\0WEBPVP8 "u8.ToArray(), size);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }

    private static byte[] Image(byte[] signature, int size)
    {
        var bytes = new byte[size];
        signature.CopyTo(bytes, 0);
        return bytes;
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        // WeChat answers errors with HTTP 200 too.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

internal static class WeChatJson
{
    public static int Errcode(this JsonElement answer) =>
        answer.TryGetProperty("errcode", out var errcode) ? errcode.GetInt32() : 0;

    public static string Str(this JsonElement answer, string name) => answer.GetProperty(name).GetString()!;
}
