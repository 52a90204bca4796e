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
}
