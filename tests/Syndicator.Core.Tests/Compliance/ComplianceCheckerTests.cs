using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Compliance;
using Syndicator.Core.Intake;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing;

namespace Syndicator.Core.Tests.Compliance;

/// <summary>The checks as intake runs them: through the real validator, catalogue and attachment readers.</summary>
public sealed class ComplianceCheckerTests
{
    private const string ValidId = "350102199003071234";
    private const string MaskedId = "35*************234";
    private const string Pdf = "application/pdf";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly DateTimeOffset Now = Some.Instant();

    /// <summary>portal (jcms, no 主题分类 for 工作信息 unless configured) and bureau.</summary>
    private static ItemValidator CreateSut(ComplianceOptions? options = null, string? workTopic = null)
    {
        var config = TestConfig.From(
            ("Channels:portal:Connector", "jcms"),
            ("Channels:portal:DisplayName", "桐乡市政府信息公开网"),
            ("Channels:bureau:Connector", "fake"),
            ("Catalogue:工作信息:Topic", workTopic));
        var catalogue = TestConfig.Catalogue(config);
        return new ItemValidator(
            catalogue, Options.Create(new IntakeOptions()), Options.Create(new PublisherOptions()), new BodyRenderer(),
            new ComplianceChecker(Options.Create(options ?? new ComplianceOptions()), catalogue));
    }

    private static SubmittedItem Item(string body = "<p>汛期将至，做好准备。</p>", params SubmittedFile[] attachments) => new()
    {
        Id = "txsl-2026-0042",
        Revision = 1,
        Title = "关于做好2026年汛期安全工作的通知",
        Body = new SubmittedBody { Format = "html", Content = body },
        Category = "工作信息",
        Channels = ["bureau"],
        Attachments = [.. attachments],
        Approval = new SubmittedApproval { ProvidedBy = "张三", ReviewedBy = ["李四"], ConfidentialityReviewedBy = "王五" },
    };

    private static SubmittedFile File(string name, string mediaType, byte[] content) =>
        new() { Name = name, MediaType = mediaType, ContentBase64 = Convert.ToBase64String(content) };

    private static IReadOnlyDictionary<string, string[]> Refused(IntakeResult result)
    {
        Assert.Null(result.Item);
        Assert.Equal(422, result.Error!.Status);
        return result.Error.Errors;
    }

    [Fact]
    public void Validate_BodyHoldsAValidId_422NamingBodyWithTheMaskedFormOnly()
    {
        var errors = Refused(CreateSut().Validate(Item($"<p>申请人：张三，身份证号{ValidId}。</p>"), Now));

        var message = Assert.Single(Assert.Single(errors).Value);
        Assert.Equal("body", errors.Keys.Single());
        Assert.Contains(MaskedId, message, StringComparison.Ordinal);
        Assert.Contains("pii.resident-id", message, StringComparison.Ordinal);
        Assert.DoesNotContain(ValidId, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_IdWithAWrongCheckDigit_AcceptedAndNothingFound()
    {
        var result = CreateSut().Validate(Item("<p>编号350102199003071235。</p>"), Now);

        Assert.True(result.IsValid);
        Assert.True(result.Compliance.IsEmpty);
    }

    [Fact]
    public void Validate_PdfAttachmentHoldsAValidIdOnPage2_422NamingTheAttachmentAndPage()
    {
        var pdf = TestDocuments.Pdf(["Notice", "Nothing here"], ["Applicant", $"ID {ValidId} Tel 0573-88888888"]);

        var errors = Refused(CreateSut().Validate(Item(attachments: File("公示.pdf", Pdf, pdf)), Now));

        var message = Assert.Single(errors["attachments[0]"]);
        Assert.Contains($"{MaskedId} in attachments[0], page 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DocxAttachmentHoldsAMobile_422NamingTheParagraph()
    {
        var docx = TestDocuments.Docx("取水许可审批结果公示", "申请单位：某公司", "联系人电话：13812341234");

        var errors = Refused(CreateSut().Validate(Item(attachments: File("公示.docx", Docx, docx)), Now));

        Assert.Contains("138****1234 in attachments[0], paragraph 3", Assert.Single(errors["attachments[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TextAttachmentWithABankCard_422NamingTheLine()
    {
        var text = "第一行\n收款账号 6222021234567894\n"u8.ToArray();

        var errors = Refused(CreateSut().Validate(Item(attachments: File("账户.txt", "text/plain", text)), Now));

        Assert.Contains("6222********7894 in attachments[0], line 2", Assert.Single(errors["attachments[0]"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AttachmentOfAnotherType_AcceptedWithANote()
    {
        var result = CreateSut().Validate(Item(attachments: File("表.xls", "application/vnd.ms-excel", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1, 2, 3])), Now);

        Assert.True(result.IsValid);
        Assert.Equal("attachments[0]", Assert.Single(result.Compliance.Notes).Field);
    }

    [Fact]
    public void Validate_DamagedPdf_AcceptedWithANote()
    {
        var result = CreateSut().Validate(Item(attachments: File("坏.pdf", Pdf, "%PDF-1.4 not really"u8.ToArray())), Now);

        Assert.True(result.IsValid);
        Assert.Contains("could not be read", Assert.Single(result.Compliance.Notes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PersonalDataSetToWarn_AcceptedWithTheFinding()
    {
        var sut = CreateSut(new ComplianceOptions { PersonalData = "Warn" });

        var result = sut.Validate(Item($"<p>身份证号{ValidId}</p>"), Now);

        Assert.True(result.IsValid);
        var finding = Assert.Single(result.Compliance.Findings);
        Assert.Equal(("body", "pii.resident-id", MaskedId, ComplianceMode.Warn), (finding.Field, finding.Rule, finding.Masked, finding.Mode));
    }

    [Fact]
    public void Validate_PersonalDataOff_AcceptedAndNothingFound()
    {
        var result = CreateSut(new ComplianceOptions { PersonalData = "Off" }).Validate(Item($"<p>{ValidId}</p>"), Now);

        Assert.True(result.IsValid);
        Assert.True(result.Compliance.IsEmpty);
    }

    [Fact]
    public void Validate_SecrecyMarkingAtTheStartOfTheTitle_422NamingTitle()
    {
        var item = Item();
        item.Title = "秘密★1年 关于某事项的通知";

        var errors = Refused(CreateSut().Validate(item, Now));

        Assert.Contains("秘密★", Assert.Single(errors["title"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecrecyWordInAnOrdinarySentence_Accepted()
    {
        Assert.True(CreateSut().Validate(Item("<p>保守国家秘密是每个公民的义务。</p>"), Now).IsValid);
    }

    [Fact]
    public void Validate_ListedWord_422NamingTheFieldAndTheWord()
    {
        var sut = CreateSut(new ComplianceOptions { WordList = ["测试稿"] });

        var errors = Refused(sut.Validate(Item("<p>这是测试稿。</p>"), Now));

        Assert.Contains("'测试稿'", Assert.Single(errors["body"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoConfidentialityReviewerWhenRequired_422NamingIt()
    {
        var item = Item();
        item.Approval!.ConfidentialityReviewedBy = null;

        var errors = Refused(CreateSut().Validate(item, Now));

        Assert.Contains("保密审查", Assert.Single(errors["approval.confidentialityReviewedBy"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoApprovalAndNothingRequired_Accepted()
    {
        var item = Item();
        item.Approval = null;
        var options = new ComplianceOptions { RequireConfidentialityReviewer = false, RequireProvider = false, RequireReviewer = false };

        Assert.True(CreateSut(options).Validate(item, Now).IsValid);
    }

    [Fact]
    public void Validate_NoApprovalAndAllRequired_422NamingEachField()
    {
        var item = Item();
        item.Approval = null;

        var errors = Refused(CreateSut().Validate(item, Now));

        Assert.Equal(["approval.confidentialityReviewedBy", "approval.providedBy", "approval.reviewedBy"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_PortalItemWithoutTopicOrSigningDate_422NamingBothAndTheChannel()
    {
        var item = Item();
        item.Channels = ["portal"];
        item.DocumentNumber = "桐水〔2026〕12号";

        var errors = Refused(CreateSut().Validate(item, Now));

        Assert.Contains("'portal' (桐乡市政府信息公开网) requires 主题分类", Assert.Single(errors["disclosure.topic"]), StringComparison.Ordinal);
        Assert.Contains("requires 成文日期", Assert.Single(errors["writtenOn"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PortalItemWithTheCategorysTopicAndNoDocumentNumber_Accepted()
    {
        var item = Item();
        item.Channels = ["portal"];

        Assert.True(CreateSut(workTopic: "农业、林业、水利\\水利").Validate(item, Now).IsValid);
    }

    [Fact]
    public void Validate_ManyNumbersInOneField_ListsTwentyAndCountsTheRest()
    {
        var body = string.Concat(Enumerable.Range(0, 30).Select(i => $"<p>电话 1381234{i:D4}</p>"));

        var errors = Refused(CreateSut().Validate(Item(body), Now));

        Assert.Equal(ComplianceChecker.MaxPerField + 1, errors["body"].Length);
        Assert.Contains("10 more findings", errors["body"][^1], StringComparison.Ordinal);
    }
}
