using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Compliance;
using Syndicator.Core.Intake;
using Syndicator.Core.Tests.Support;

namespace Syndicator.Core.Tests.Intake;

/// <summary>The catalogue's say at intake: 索引号 form, excluded channels, disclosure metadata and its defaults.</summary>
public sealed partial class ItemValidatorTests
{
    [Theory]
    [InlineData("002482285/2023-00209")]
    [InlineData("11441700007280420Y/2021-00050")]
    [InlineData("1133048300255845AB/202110-00013")]
    public void Validate_WellFormedIndexNumber_Kept(string number)
    {
        var submission = Valid();
        submission.IndexNumber = number;

        Assert.Equal(number, CreateSut().Validate(submission, Now).Item!.IndexNumber);
    }

    [Theory]
    [InlineData("2026-00042")]
    [InlineData("00248228/2023-00209")]
    [InlineData("002482285/23-00209")]
    [InlineData("002482285/2023-12")]
    [InlineData("002482285-2023-00209")]
    [InlineData("")]
    public void Validate_MalformedIndexNumber_400NamingIndexNumber(string number)
    {
        var submission = Valid();
        submission.IndexNumber = number;

        var error = Refused(CreateSut().Validate(submission, Now), 400);

        Assert.Contains("e.g. 002482285/2026-00042", Assert.Single(error.Errors["indexNumber"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChannelTheCategoryExcludes_422SayingWhy()
    {
        var sut = CatalogueSut(("Catalogue:人事信息:ExcludedChannels:0", "wechat"));
        var submission = Valid();
        submission.Category = "人事信息";
        submission.Channels = ["bureau", "wechat"];
        submission.Overrides = null;

        var error = Refused(sut.Validate(submission, Now), 422);

        Assert.Contains("do not go to channel 'wechat'", Assert.Single(error.Errors["channels[1]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RoutedCategoryExcludesAChannel_RoutedWithoutIt()
    {
        var sut = CatalogueSut(("Catalogue:工作信息:ExcludedChannels:0", "wechat"));
        var submission = Valid();
        submission.Overrides = null;

        Assert.Equal(["bureau"], sut.Validate(submission, Now).Item!.Channels);
    }

    [Fact]
    public void Validate_NoDisclosureGiven_DefaultsAndTheCategorysTopic()
    {
        var sut = CatalogueSut(("Catalogue:工作信息:Topic", @"综合政务\政务公开"));

        var disclosure = sut.Validate(Valid(), Now).Item!.Disclosure;

        Assert.Equal(@"综合政务\政务公开", disclosure.Topic);
        Assert.Equal("主动公开", disclosure.Mode);
        Assert.Equal("面向全社会", disclosure.Scope);
        Assert.Null(disclosure.Genre);
    }

    [Fact]
    public void Validate_DisclosureGiven_KeptTrimmed()
    {
        var submission = Valid();
        submission.Disclosure = new SubmittedDisclosure
        {
            Topic = " 水利 ", Genre = "通知", Validity = "有效", Mode = "依申请公开", Scope = "面向全社会", Keywords = ["汛期", " ", "安全"],
        };

        var disclosure = CreateSut().Validate(submission, Now).Item!.Disclosure;

        Assert.Equal(("水利", "通知", "有效", "依申请公开"), (disclosure.Topic, disclosure.Genre, disclosure.Validity, disclosure.Mode));
        Assert.Equal(["汛期", "安全"], disclosure.Keywords);
    }

    [Fact]
    public void ContentHash_IndexNumberSent_DiffersFromTheSameItemWithout()
    {
        var sent = Valid();
        sent.IndexNumber = "002482285/2023-00209";

        Assert.NotEqual(ItemValidator.ContentHash(Valid(), ["bureau"]), ItemValidator.ContentHash(sent, ["bureau"]));
    }

    [Fact]
    public void Validate_ShortFieldsOverTheLimit_422NamingEachWithTheLimit()
    {
        var submission = Valid();
        submission.Publisher = new string('局', 201);
        submission.Approval!.ProvidedBy = new string('张', 201);
        submission.Disclosure = new SubmittedDisclosure { Genre = new string('通', 201), Keywords = [new string('词', 201)] };

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Equal(["201 characters is over the limit of 200."], error.Errors["publisher"]);
        Assert.Contains("approval.providedBy", error.Errors.Keys);
        Assert.Contains("disclosure.genre", error.Errors.Keys);
        Assert.Contains("disclosure.keywords[0]", error.Errors.Keys);
    }

    private static ItemValidator CatalogueSut(params (string Key, string? Value)[] catalogue)
    {
        var config = TestConfig.From(
        [
            .. TestConfig.FourChannels,
            ("Routing:Categories:工作信息:0", "bureau"),
            ("Routing:Categories:工作信息:1", "wechat"),
            .. catalogue,
        ]);
        var found = TestConfig.Catalogue(config);
        return new ItemValidator(
            found, Options.Create(new IntakeOptions()), Options.Create(new PublisherOptions()), new BodyRenderer(),
            new ComplianceChecker(Options.Create(new ComplianceOptions()), found));
    }
}
