using System.Diagnostics;
using Syndicator.Core.Intake;

namespace Syndicator.Core.Tests.Intake;

/// <summary>Files and names: the name's extension, the declared type and the content agree; names are safe and bounded.</summary>
public sealed partial class ItemValidatorTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0];

    [Fact]
    public void Validate_JspSentAsPlainText_422NamingTheNameAndTheExpectedExtension()
    {
        var submission = Valid();
        submission.Attachments = [File("shell.jsp", "text/plain", "<% Runtime.getRuntime().exec(request.getParameter(\"c\")); %>"u8.ToArray())];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["attachments[0].name"], error.Errors.Keys);
        Assert.Contains("'.jsp' does not match the media type text/plain: expected .txt", error.Errors["attachments[0].name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HtmlDeclaredAsPng_422NamingTheNameAndTheContent()
    {
        var submission = Valid();
        submission.Body!.Content = "<p>图<img src=\"x.html\"></p>";
        submission.Images = [File("x.html", "image/png", "<html><script>alert(1)</script></html>"u8.ToArray())];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["images[0].contentBase64", "images[0].name"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("expected .png", error.Errors["images[0].name"][0], StringComparison.Ordinal);
        Assert.Contains("not a PNG image", error.Errors["images[0].contentBase64"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fig1.png", "image/jpeg")]
    [InlineData("通知.pdf", "application/pdf")]
    [InlineData("说明.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("表.xls", "application/vnd.ms-excel")]
    [InlineData("a.txt", "text/plain")]
    public void Validate_ContentNotOfTheDeclaredType_422NamingTheContent(string name, string mediaType)
    {
        var submission = Valid();
        submission.Attachments = [];
        submission.Body!.Content = "<p>正文</p>";
        var file = File(name, mediaType, mediaType == "text/plain" ? [0x61, 0, 0x62] : "MZ\x90\0"u8.ToArray());
        (mediaType.StartsWith("image/", StringComparison.Ordinal) ? submission.Images! : submission.Attachments).Clear();
        (mediaType.StartsWith("image/", StringComparison.Ordinal) ? submission.Images! : submission.Attachments).Add(file);
        if (mediaType == "image/jpeg")
        {
            file.Name = "fig1.jpg";
        }

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Single(error.Errors);
        Assert.EndsWith(".contentBase64", error.Errors.Keys.Single(), StringComparison.Ordinal);
        Assert.Contains("such files start with", error.Errors.Values.Single()[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FilesOfEveryAllowedTypeWithTheirOwnExtensionsAndBytes_Accepted()
    {
        var submission = Valid();
        submission.Body!.Content = "<p>图<img src=\"fig1.png\"><img src=\"照片.JPEG\"></p>";
        submission.Images = [File("fig1.png", "image/png", Png), File("照片.JPEG", "image/jpeg", Jpeg), File("动图.gif", "image/gif", "GIF89a.."u8.ToArray()), File("新.webp", "image/webp", "RIFF\0\0\0\0WEBPVP8 "u8.ToArray())];
        submission.Attachments =
        [
            File("通知.pdf", "application/pdf", "%PDF-1.7"u8.ToArray()), File("旧.doc", "application/msword", Ole2),
            File("表.xls", "application/vnd.ms-excel", Ole2), File("文.wps", "application/vnd.ms-works", Ole2),
            File("版式.ofd", "application/ofd", "PK\x03\x04.."u8.ToArray()), File("包.zip", "application/zip", "PK\x03\x04.."u8.ToArray()),
            File("说明 (第2版).txt", "text/plain", "汛期 ok"u8.ToArray()),
        ];

        var result = CreateSut().Validate(submission, Now);

        Assert.True(result.IsValid, string.Join("; ", result.Error?.Errors.Select(e => $"{e.Key}: {e.Value[0]}") ?? []));
    }

    [Theory]
    [InlineData("../fig1.pdf", "path")]
    [InlineData("a/b.pdf", "path")]
    [InlineData("a\\b.pdf", "path")]
    [InlineData("a..pdf", "path")]
    [InlineData("通知\r\n.pdf", "U+000D")]
    [InlineData("通知\u202Efdp.exe", "U+202E")]
    [InlineData("通知\u0001.pdf", "U+0001")]
    [InlineData(".hidden.pdf", "start or end")]
    [InlineData("通知.pdf ", "start or end")]
    [InlineData(" 通知.pdf", "start or end")]
    [InlineData("通知.pdf.", "start or end")]
    [InlineData("CON.pdf", "reserved device name")]
    [InlineData("lpt9.pdf", "reserved device name")]
    [InlineData("nul", "reserved device name")]
    [InlineData("a<b.pdf", "< > :")]
    [InlineData("a:b.pdf", "< > :")]
    [InlineData("a?.pdf", "< > :")]
    [InlineData("a|b.pdf", "< > :")]
    public void Validate_UnsafeAttachmentName_422NamingTheName(string name, string expected)
    {
        var submission = Valid();
        submission.Attachments = [File(name, "application/pdf", "%PDF-1.4"u8.ToArray())];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["attachments[0].name"], error.Errors.Keys);
        Assert.Contains(expected, error.Errors["attachments[0].name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NameOverTheConfiguredLength_422NamingTheSetting()
    {
        var submission = Valid();
        submission.Attachments = [File(new string('长', 21) + ".pdf", "application/pdf", "%PDF-1.4"u8.ToArray())];

        var error = Refused(CreateSut(new IntakeOptions { MaxFileNameLength = 24 }).Validate(submission, Now), 422);

        Assert.Contains("25 characters, over the limit of 24 (Intake:MaxFileNameLength)", error.Errors["attachments[0].name"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MillionCharacterName_422QuicklyWithAShortAnswer()
    {
        var submission = Valid();
        submission.Attachments = [File(new string('a', 1_000_000) + ".pdf\r\n", "application/pdf", "%PDF-1.4"u8.ToArray())];
        var clock = Stopwatch.StartNew();

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        var message = Assert.Single(error.Errors["attachments[0].name"]);
        Assert.Contains("over the limit of 100", message, StringComparison.Ordinal);
        Assert.True(message.Length < 200, message);
    }

    [Fact]
    public void Validate_BodyShowsAnImageByItsName_StillAccepted()
    {
        var submission = Valid();
        submission.Body!.Content = "<p>见图<img src=\"图 1.jpg\"></p>";
        submission.Images = [File("图 1.jpg", "image/jpeg", Jpeg)];

        var result = CreateSut().Validate(submission, Now);

        Assert.True(result.IsValid, string.Join("; ", result.Error?.Errors.Select(e => $"{e.Key}: {e.Value[0]}") ?? []));
        Assert.Equal("图 1.jpg", Assert.Single(result.Item!.Images).Name);
    }
}
