using System.Net;

namespace Syndicator.Sandbox.Tests.WeChat;

public sealed class WeChatMediaTests : IAsyncLifetime
{
    private WeChatSandbox _wechat = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _wechat = await WeChatSandbox.StartAsync();
        _token = await _wechat.AccessTokenAsync();
    }

    public async Task DisposeAsync() => await _wechat.DisposeAsync();

    [Fact]
    public async Task UploadImg_Png_AnswersUrlServingTheSameBytes()
    {
        var png = WeChatSandbox.Png(2048);

        var answer = await _wechat.UploadAsync("media/uploadimg", _token, png);
        var url = new Uri(answer.Str("url"));
        using var image = await _wechat.Client.GetAsync(url);

        Assert.StartsWith(new Uri(_wechat.Server.BaseAddress, "wechat/mmbiz/").ToString(), url.ToString(), StringComparison.Ordinal);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task UploadImg_Gif_Answers40005()
    {
        var answer = await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Gif(100), "a.gif");

        Assert.Equal(40005, answer.Errcode());
    }

    [Fact]
    public async Task UploadImg_OneMegabyte_Answers40009()
    {
        var under = await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Jpeg((1024 * 1024) - 1), "a.jpg");
        var at = await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Jpeg(1024 * 1024), "a.jpg");

        Assert.Equal(0, under.Errcode());
        Assert.Equal(40009, at.Errcode());
    }

    [Fact]
    public async Task AddMaterial_Image_AnswersMediaIdAndUrl()
    {
        var answer = await _wechat.UploadAsync("material/add_material?type=image", _token, WeChatSandbox.Png(500));

        Assert.False(string.IsNullOrEmpty(answer.Str("media_id")));
        Assert.Contains("/wechat/mmbiz/", answer.Str("url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddMaterial_Thumb_AnswersMediaIdWithoutUrl()
    {
        var answer = await _wechat.UploadAsync("material/add_material?type=thumb", _token, WeChatSandbox.Jpeg(500), "t.jpg");

        Assert.False(string.IsNullOrEmpty(answer.Str("media_id")));
        Assert.False(answer.TryGetProperty("url", out _));
    }

    [Theory]
    [InlineData("thumb", false, 500, 40005)]
    [InlineData("thumb", true, (64 * 1024) + 1, 40009)]
    [InlineData("voice", true, 500, 40004)]
    public async Task AddMaterial_AgainstTheTypeRules_AnswersErrcode(string type, bool jpeg, int size, int errcode)
    {
        var file = jpeg ? WeChatSandbox.Jpeg(size) : WeChatSandbox.Png(size);

        var answer = await _wechat.UploadAsync($"material/add_material?type={type}", _token, file);

        Assert.Equal(errcode, answer.Errcode());
    }

    [Fact]
    public async Task UploadImg_DotnetDefaultFraming_Answers41005UnlessStrictMultipartIsOff()
    {
        // W6: a quoted boundary and filename* (what .NET's MultipartFormDataContent sends) are refused in strict mode.
        var strict = await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Png(100), dotnetDefault: true);
        Assert.Equal(HttpStatusCode.OK, await _wechat.SettingsAsync("""{"strictMultipart":false}"""));
        var lenient = await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Png(100), dotnetDefault: true);

        Assert.Equal(41005, strict.Errcode());
        Assert.Equal(0, lenient.Errcode());
    }

    [Fact]
    public async Task UploadImg_PartWithoutFilename_Answers41005()
    {
        using var content = new MultipartFormDataContent("b1");
        using var bytes = new ByteArrayContent(WeChatSandbox.Png(100));
        bytes.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"media\"");
        content.Add(bytes);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b1");

        using var response = await _wechat.Client.PostAsync(new Uri($"wechat/cgi-bin/media/uploadimg?access_token={_token}", UriKind.Relative), content);
        using var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(41005, answer.RootElement.Errcode());
    }

    [Fact]
    public async Task UploadImg_Webp_Answers40005()
    {
        var answer = await _wechat.UploadAsync("media/uploadimg", _token, WeChatSandbox.Webp(100), "a.webp");

        Assert.Equal(40005, answer.Errcode());
    }

    [Theory]
    [InlineData("gif", 0)]
    [InlineData("webp", 40005)]
    [InlineData("big", 40009)]
    public async Task AddMaterial_Image_TakesBmpPngJpegGifUpToTenMegabytes(string kind, int errcode)
    {
        var file = kind switch
        {
            "gif" => WeChatSandbox.Gif(500),
            "webp" => WeChatSandbox.Webp(500),
            _ => WeChatSandbox.Png((10 * 1024 * 1024) + 1),
        };

        var answer = await _wechat.UploadAsync("material/add_material?type=image", _token, file);

        Assert.Equal(errcode, answer.Errcode());
    }
}
