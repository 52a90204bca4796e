using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using SkiaSharp;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>
/// Media and article content against the strict emulator: multipart framing (W6), images fitted to the upload rules
/// (W3), the composed content's length (W4), the author and long titles (W5).
/// </summary>
public sealed class WeChatMediaTests : WeChatFixture
{
    // ---- W6: the bytes of an upload ----

    [Fact]
    public async Task Upload_Bytes_UnquotedBoundaryAndOnlyFilenameAsSkitSendsThem()
    {
        await using var capture = new RawHttpCapture("""{"url":"http://mmbiz.qpic.cn/x","errcode":0,"errmsg":"ok"}""");
        var options = new WeChatChannelOptions { ApiBaseUrl = capture.BaseAddress, FallbackApiBaseUrl = capture.BaseAddress, AppId = "wx1", AppSecret = "s" };
        var channel = new WeChatChannel("wechat", options, null!, new InMemoryChannelStateStore(), TimeProvider.System, NullLogger.Instance);
        var png = TestImages.Png(4, 4);
        using var http = new HttpClient();
        using var api = new WeChatApi(http, channel);

        var answer = await api.UploadAsync("media/uploadimg", "TOKEN", new MediaFile("图一.png", "image/png", png), Timeout);

        Assert.True(answer.Ok);
        var (head, body) = Assert.Single(capture.Requests);
        var contentType = Regex.Match(head, "^Content-Type: (.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase).Groups[1].Value.TrimEnd('\r');
        var boundary = Regex.Match(contentType, "^multipart/form-data; boundary=([^\"\\s;]+)$").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(boundary), $"Content-Type was '{contentType}'");
        var expectedHead = Encoding.UTF8.GetBytes(
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"media\"; filename=\"image-1.png\"\r\n" +
            $"Content-Type: image/png\r\nContent-Length: {png.Length}\r\n\r\n");
        byte[] expected = [.. expectedHead, .. png, .. Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n")];
        Assert.Equal(expected, body);
        Assert.DoesNotContain("filename*", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    // ---- W3: images fitted at delivery, or refused at intake ----

    [Fact]
    public async Task Publish_GifAndWebpBodyImages_ConvertedToPngAndSaidInTheNote()
    {
        var item = NewItem(bodyHtml: "<p><img src=\"fig1.gif\"></p><p><img src=\"fig2.webp\"></p>",
            images: [new MediaFile("fig1.gif", "image/gif", TestImages.Gif1x1), new MediaFile("fig2.webp", "image/webp", TestImages.Webp(40, 30))]);
        Assert.Empty(Sut.Factory.CheckItem(Sut.Definition, item));
        var delivery = Delivery(item);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery));

        using var client = Sandbox.CreateClient();
        foreach (var name in new[] { "fig1.gif", "fig2.webp" })
        {
            var stored = await client.GetByteArrayAsync(new Uri(delivery.Checkpoint["img:" + name]!), Timeout);
            Assert.Equal(SKEncodedImageFormat.Png, Format(stored));
            Assert.Contains($"图片 {name}", succeeded.Note, StringComparison.Ordinal);
        }

        Assert.Contains("已转为 PNG", succeeded.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_PhotoOverOneMegabyte_RecompressedUnderIt()
    {
        var photo = TestImages.Noise(1400, 1000, SKEncodedImageFormat.Png);
        Assert.True(photo.Length > 1024 * 1024, $"the test photo is only {photo.Length} bytes");
        var item = NewItem(bodyHtml: "<p><img src=\"photo.png\"></p>", images: [new MediaFile("photo.png", "image/png", photo)]);
        var delivery = Delivery(item);

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(delivery));

        using var client = Sandbox.CreateClient();
        var stored = await client.GetByteArrayAsync(new Uri(delivery.Checkpoint["img:photo.png"]!), Timeout);
        Assert.True(stored.Length < 1024 * 1024, $"{stored.Length} bytes reached uploadimg");
        Assert.Equal(SKEncodedImageFormat.Jpeg, Format(stored));
        Assert.Contains("图片 photo.png", succeeded.Note, StringComparison.Ordinal);
        Assert.Contains("JPEG", succeeded.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WebpCover_ConvertedAndTheArticleGoesOut()
    {
        var item = NewItem() with { Cover = new MediaFile("cover.webp", "image/webp", TestImages.Webp(90, 40)) };

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(Delivery(item)));

        Assert.Contains("图片 cover.webp", succeeded.Note, StringComparison.Ordinal);
        Assert.Single(await ArticlesAsync());
    }

    [Fact]
    public void CheckItem_UnreadableOrTooLargeToDecode_RefusedNamingTheImage()
    {
        var huge = TestImages.PngHeader(10_000, 8_000); // 80 megapixels declared; never decoded
        var item = NewItem(bodyHtml: "<p><img src=\"a.png\"><img src=\"b.png\"></p>",
            images: [new MediaFile("a.png", "image/png", "not an image"u8.ToArray()), new MediaFile("b.png", "image/png", huge)]);

        var problems = Sut.Factory.CheckItem(Sut.Definition, item).ToDictionary();

        Assert.Contains("could not be read", problems["images[0]"], StringComparison.Ordinal);
        Assert.Contains("10000×8000", problems["images[1]"], StringComparison.Ordinal);
        Assert.Contains("40 megapixels", problems["images[1]"], StringComparison.Ordinal);
    }

    // ---- W4: the composed content ----

    [Fact]
    public void CheckItem_BodyUnderTheLimitButNotOnceImageUrlsAreIn_RefusedAsBodyContent()
    {
        var images = Enumerable.Range(1, 10).Select(i => new MediaFile($"f{i}.png", "image/png", TestImages.Png(2, 2))).ToList();
        var tags = string.Concat(images.Select(i => $"<img src=\"{i.Name}\">"));
        var html = $"<p>{new string('文', 19_000)}</p><p>{tags}</p>";
        Assert.True(html.Length < WeChatItemLimits.Content);

        var problem = Assert.Single(Sut.Factory.CheckItem(Sut.Definition, NewItem(bodyHtml: html, images: images)));

        Assert.Equal("body.content", problem.Key);
        Assert.Contains("20000", problem.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ComposedContentOverTheLimit_RefusedBeforeDraftAdd()
    {
        // Link notes are added when composing: the body is under 20,000 characters, the content sent would not be.
        var links = string.Concat(Enumerable.Range(1, 40).Select(i => $"<a href=\"https://example.org/{new string('p', 60)}/{i}\">{i}</a>"));
        var html = $"<p>{new string('文', 19_000 - links.Length)}</p><p>{links}</p>";
        var item = NewItem(bodyHtml: html);
        Assert.True(item.BodyHtml.Length < WeChatItemLimits.Content);

        var rejected = Assert.IsType<ChannelOutcome.Rejected>(await RunToEndAsync(Delivery(item)));

        Assert.Contains("正文超出微信限制", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(0, (await StatsAsync()).Creates);
    }

    // ---- W5: author and title ----

    [Fact]
    public async Task Publish_ConfiguredAuthor_SentAsTheArticlesAuthor()
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings["Author"] = "市水利局";
        var sut = CreateSut(settings);

        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(Delivery(NewItem()), sut.Connector));

        Assert.Equal("市水利局", Assert.Single(await ArticlesAsync()).Metadata["author"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_LongPublisherWithoutAuthorSetting_NoAuthorAndStillPublished()
    {
        await WeChatSut.SetEmulatorAsync(Sandbox, new { authorByteLimit = 20 }, Timeout);
        var item = NewItem() with { Publisher = "某某市人民政府办公室" }; // 10 字, 30 bytes

        Assert.Empty(Sut.Factory.CheckItem(Sut.Definition, item));
        Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(Delivery(item)));

        Assert.Equal("", Assert.Single(await ArticlesAsync()).Metadata["author"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public async Task Publish_TitleOverSixtyBytes_WarnedInTheNote()
    {
        var title = new string('标', 25); // 25 字 (within 32), 75 bytes

        var succeeded = Assert.IsType<ChannelOutcome.Succeeded>(await RunToEndAsync(Delivery(NewItem(title: title))));

        Assert.Contains("标题 75 字节", succeeded.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("某某市水利局办", "21 UTF-8 bytes")]
    [InlineData("Water Resources Bureau", "22 characters")]
    public void Validate_AuthorTooLong_NamesTheKey(string author, string reason)
    {
        var settings = WeChatSut.SandboxSettings(Sandbox);
        settings["Author"] = author;
        using var sut = new WeChatSut(settings);

        var problem = Assert.Single(sut.Factory.Validate(sut.Definition));

        Assert.Contains("Channels:wechat:Author", problem, StringComparison.Ordinal);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    private static SKEncodedImageFormat Format(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        return codec.EncodedFormat;
    }
}

/// <summary>Real images made with SkiaSharp (the emulator's own tests use signature-only fakes; these must decode).</summary>
internal static class TestImages
{
    /// <summary>A 1×1 GIF (Skia has no GIF encoder).</summary>
    public static readonly byte[] Gif1x1 = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] Png(int width, int height) => Solid(width, height, SKEncodedImageFormat.Png);

    public static byte[] Webp(int width, int height) => Solid(width, height, SKEncodedImageFormat.Webp);

    /// <summary>Random pixels: incompressible, so the file is as large as the format makes it.</summary>
    public static byte[] Noise(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var random = new Random(7);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(format, 100);
        return data.ToArray();
    }

    /// <summary>The start of a PNG declaring <paramref name="width"/>×<paramref name="height"/> (a decompression bomb's header).</summary>
    public static byte[] PngHeader(int width, int height)
    {
        var small = Png(1, 1);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(small.AsSpan(16), width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(small.AsSpan(20), height);
        // Fix the IHDR CRC so that a decoder reads the declared size instead of refusing the chunk.
        var crc = Crc32(small.AsSpan(12, 17));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(small.AsSpan(29), crc);
        return small;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Solid(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(new SKColor(30, 120, 200, 255));
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }
}
