using Syndicator.Core.Intake;

namespace Syndicator.Core.Tests.Intake;

/// <summary>400 (malformed) and 422 (not publishable) answers, each naming its fields.</summary>
public sealed partial class ItemValidatorTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("txsl/2026/42")]
    [InlineData("txsl 2026")]
    [InlineData("通知-42")]
    [InlineData("a0123456789012345678901234567890123456789012345678901234567890123")]
    public void Validate_MissingOrBadId_400NamingId(string? id)
    {
        var submission = Valid();
        submission.Id = id;

        var error = Refused(CreateSut().Validate(submission, Now), 400);

        Assert.Equal(["id"], error.Errors.Keys);
    }

    [Fact]
    public void Validate_IdOfSixtyFourAllowedCharacters_Accepted()
    {
        var submission = Valid();
        submission.Id = "A-z_0.9" + new string('x', 57);

        Assert.True(CreateSut().Validate(submission, Now).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-3)]
    public void Validate_MissingOrNonPositiveRevision_400NamingRevision(int? revision)
    {
        var submission = Valid();
        submission.Revision = revision;

        Assert.Equal(["revision"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Fact]
    public void Validate_BlankTitle_400NamingTitle()
    {
        var submission = Valid();
        submission.Title = "   ";

        Assert.Equal(["title"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Fact]
    public void Validate_MissingCategory_400NamingCategory()
    {
        var submission = Valid();
        submission.Category = null;

        Assert.Equal(["category"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Fact]
    public void Validate_MissingBody_400NamingBody()
    {
        var submission = Valid();
        submission.Body = null;

        Assert.Equal(["body"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("pdf")]
    [InlineData("HTML")]
    public void Validate_MissingOrUnknownBodyFormat_400NamingBodyFormat(string? format)
    {
        var submission = Valid();
        submission.Body!.Format = format;

        Assert.Equal(["body.format"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Fact]
    public void Validate_EmptyBodyContent_400NamingBodyContent()
    {
        var submission = Valid();
        submission.Body!.Content = "";

        Assert.Equal(["body.content"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Theory]
    [InlineData("2026/03/01")]
    [InlineData("2026-02-30")]
    [InlineData("2026-03-01T00:00:00")]
    [InlineData("昨天")]
    public void Validate_BadWrittenOn_400NamingWrittenOn(string writtenOn)
    {
        var submission = Valid();
        submission.WrittenOn = writtenOn;

        Assert.Equal(["writtenOn"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_ImageNotBase64_400NamingImageContent(string? content)
    {
        var submission = Valid();
        submission.Images![0]!.ContentBase64 = content;

        Assert.Equal(["images[0].contentBase64"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Fact]
    public void Validate_CoverAndAttachmentNotBase64_400NamingEach()
    {
        var submission = Valid();
        submission.Cover = new SubmittedFile { Name = "cover.jpg", MediaType = "image/jpeg", ContentBase64 = "%%%" };
        submission.Attachments![0]!.ContentBase64 = "@@@@";

        var error = Refused(CreateSut().Validate(submission, Now), 400);

        Assert.Equal(["attachments[0].contentBase64", "cover.contentBase64"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_FileWithoutNameOrType_400NamingEachField()
    {
        var submission = Valid();
        submission.Images![0] = new SubmittedFile { Name = "", ContentBase64 = "AAAA" };

        var error = Refused(CreateSut().Validate(submission, Now), 400);

        Assert.Equal(["images[0].mediaType", "images[0].name"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_MalformedAndUnpublishable_Only400NamingEveryShapeError()
    {
        var submission = Valid();
        submission.Title = null;
        submission.Revision = 0;
        submission.Channels = ["weibo"];

        var error = Refused(CreateSut().Validate(submission, Now), 400);

        Assert.Equal(["revision", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_UnknownCategory_422NamingCategoryAndKnownOnes()
    {
        var submission = Valid();
        submission.Category = "新闻动态";

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["category"], error.Errors.Keys);
        var message = Assert.Single(error.Errors["category"]);
        Assert.Contains("新闻动态", message, StringComparison.Ordinal);
        Assert.Contains("工作信息", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownChannel_422NamingThatChannel()
    {
        var submission = Valid();
        submission.Channels = ["bureau", "weibo"];
        submission.Overrides = null;

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["channels[1]"], error.Errors.Keys);
        Assert.Contains("'weibo'", error.Errors["channels[1]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DisabledChannel_422NamingThatChannel()
    {
        var submission = Valid();
        submission.Channels = ["approval", "wechat"];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["channels[0]"], error.Errors.Keys);
        Assert.Contains("'approval'", error.Errors["channels[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChannelNamedTwice_422NamingTheRepeat()
    {
        var submission = Valid();
        submission.Channels = ["wechat", "bureau", "wechat"];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["channels[2]"], error.Errors.Keys);
        Assert.Contains("twice", error.Errors["channels[2]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CategoryRoutedOnlyToDisabledChannel_422NamingChannels()
    {
        var submission = Valid();
        submission.Category = "人事信息";
        submission.Overrides = null;

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["channels"], error.Errors.Keys);
    }

    [Fact]
    public void Validate_OverrideForChannelNotRouted_422NamingOverride()
    {
        var submission = Valid();
        submission.Overrides!["portal"] = new SubmittedOverride { Title = "门户标题" };

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["overrides.portal"], error.Errors.Keys);
    }

    [Fact]
    public void Validate_TitleOverLimit_422NamingTitleAndLimit()
    {
        var submission = Valid();
        submission.Title = new string('汛', 11);

        var error = Refused(CreateSut(new IntakeOptions { MaxTitleLength = 10 }).Validate(submission, Now), 422);

        Assert.Equal(["title"], error.Errors.Keys);
        Assert.Contains("limit of 10", error.Errors["title"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TitleAtLimit_Accepted()
    {
        var submission = Valid();
        submission.Title = new string('汛', 10);
        submission.Overrides = null;

        Assert.True(CreateSut(new IntakeOptions { MaxTitleLength = 10 }).Validate(submission, Now).IsValid);
    }

    [Fact]
    public void Validate_OverrideTitleOverLimit_422NamingOverrideTitle()
    {
        var submission = Valid();
        submission.Overrides!["wechat"] = new SubmittedOverride { Title = new string('微', 30) };

        var error = Refused(CreateSut(new IntakeOptions { MaxTitleLength = 20 }).Validate(submission, Now), 422);

        Assert.Equal(["overrides.wechat.title"], error.Errors.Keys);
        Assert.Contains("limit of 20", error.Errors["overrides.wechat.title"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImageOverSize_422NamingImageAndLimit()
    {
        var limits = new IntakeOptions { MaxImageBytes = Png.Length - 1 };

        var error = Refused(CreateSut(limits).Validate(Valid(), Now), 422);

        Assert.Equal(["images[0].contentBase64"], error.Errors.Keys);
        Assert.Contains($"limit of {Png.Length - 1}", error.Errors["images[0].contentBase64"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CoverOverSize_422NamingCover()
    {
        var submission = Valid();
        submission.Cover = File("cover.png", "image/png", [.. Png, .. new byte[100 - Png.Length]]);

        var error = Refused(CreateSut(new IntakeOptions { MaxImageBytes = 99 }).Validate(submission, Now), 422);

        Assert.Contains("cover.contentBase64", error.Errors.Keys);
        Assert.Contains("limit of 99", error.Errors["cover.contentBase64"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImageOfDisallowedType_422NamingTypeAndAllowedOnes()
    {
        var submission = Valid();
        submission.Images = [File("fig1.png", "image/svg+xml", Png)];

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["images[0].mediaType"], error.Errors.Keys);
        var message = error.Errors["images[0].mediaType"][0];
        Assert.Contains("image/svg+xml", message, StringComparison.Ordinal);
        Assert.Contains("image/png", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AttachmentOfDisallowedType_422NamingAttachment()
    {
        var submission = Valid();
        submission.Attachments = [File("setup.exe", "application/x-msdownload", [0x4D, 0x5A])];

        Assert.Equal(["attachments[0].mediaType"], Refused(CreateSut().Validate(submission, Now), 422).Errors.Keys);
    }

    [Fact]
    public void Validate_TooManyImages_422NamingImagesAndLimit()
    {
        var submission = Valid();
        submission.Images!.Add(File("fig2.png", "image/png", Png));

        var error = Refused(CreateSut(new IntakeOptions { MaxImages = 1 }).Validate(submission, Now), 422);

        Assert.Equal(["images"], error.Errors.Keys);
        Assert.Contains("limit of 1", error.Errors["images"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoImagesWithOneName_422NamingTheSecond()
    {
        var submission = Valid();
        submission.Images!.Add(File("fig1.png", "image/png", Png));

        Assert.Equal(["images[1].name"], Refused(CreateSut().Validate(submission, Now), 422).Errors.Keys);
    }

    [Fact]
    public void Validate_BodyShowsImageNotCarried_422NamingBodyAndImage()
    {
        var submission = Valid();
        submission.Body!.Content = "<p>见图<img src=\"fig1.png\"><img src=\"missing.png\"></p>";

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["body.content"], error.Errors.Keys);
        Assert.Contains("missing.png", Assert.Single(error.Errors["body.content"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BodyShowsImageFromAnotherSite_AcceptedWithTheImageRemovedAndNoted()
    {
        var submission = Valid();
        submission.Body!.Content = "<p><img src=\"fig1.png\"><img src=\"https://elsewhere.example/track.png\"></p>";

        var result = CreateSut().Validate(submission, Now);

        Assert.True(result.IsValid);
        Assert.DoesNotContain("elsewhere.example", result.Item!.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<img src=\"fig1.png\">", result.Item.BodyHtml, StringComparison.Ordinal);
        var note = Assert.Single(result.Compliance.Notes, n => n.Field == "body.content");
        Assert.Contains("an image from another site", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BodyShowsRootRelativeImageNotCarried_422NamingBody()
    {
        var submission = Valid();
        submission.Body!.Content = "<p><img src=\"fig1.png\"><img src=\"/uploads/missing.png\"></p>";

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["body.content"], error.Errors.Keys);
    }

    [Fact]
    public void Validate_SeveralLimitsBroken_422NamingEach()
    {
        var submission = Valid();
        submission.Title = new string('汛', 11);
        submission.Channels = ["bureau", "weibo"];
        submission.Overrides = null;
        submission.Body!.Content = "<img src=\"nowhere.png\">";

        var error = Refused(CreateSut(new IntakeOptions { MaxTitleLength = 10 }).Validate(submission, Now), 422);

        Assert.Equal(["body.content", "channels[1]", "title"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
