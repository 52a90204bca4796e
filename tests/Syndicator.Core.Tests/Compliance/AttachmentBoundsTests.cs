using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Compliance;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing;

namespace Syndicator.Core.Tests.Compliance;

/// <summary>
/// Attachments too large, too deep or too slow to read: refused naming the attachment, the bound and its setting when the
/// checks are Block; accepted with an <c>attachment.unchecked</c> finding when they are Warn; never accepted in silence.
/// </summary>
public sealed class AttachmentBoundsTests
{
    private const string Pdf = "application/pdf";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly DateTimeOffset Now = Some.Instant();

    private static ItemValidator CreateSut(AttachmentOptions? bounds = null, string mode = "Block")
    {
        var config = TestConfig.From(("Channels:bureau:Connector", "fake"));
        var catalogue = TestConfig.Catalogue(config);
        var options = new ComplianceOptions { PersonalData = mode, Secrecy = mode, Attachments = bounds ?? new AttachmentOptions() };
        return new ItemValidator(
            catalogue, Options.Create(new IntakeOptions()), Options.Create(new PublisherOptions()), new BodyRenderer(),
            new ComplianceChecker(Options.Create(options), catalogue));
    }

    private static SubmittedItem Item(string name, string mediaType, byte[] content) => new()
    {
        Id = "txsl-2026-0042",
        Revision = 1,
        Title = "关于做好2026年汛期安全工作的通知",
        Body = new SubmittedBody { Format = "html", Content = "<p>汛期将至，做好准备。</p>" },
        Category = "工作信息",
        Channels = ["bureau"],
        Attachments = [new SubmittedFile { Name = name, MediaType = mediaType, ContentBase64 = Convert.ToBase64String(content) }],
        Approval = new SubmittedApproval { ProvidedBy = "张三", ReviewedBy = ["李四"], ConfidentialityReviewedBy = "王五" },
    };

    private static string RefusedAttachment(IntakeResult result)
    {
        Assert.Null(result.Item);
        Assert.Equal(422, result.Error!.Status);
        return Assert.Single(result.Error.Errors["attachments[0]"]);
    }

    [Fact]
    public void Validate_PdfInflatingPastTheBound_422NamingTheAttachmentAndTheSetting()
    {
        var pdf = HostileDocuments.InflatingPdf(8L * 1024 * 1024);

        var message = RefusedAttachment(CreateSut(new AttachmentOptions { MaxDecodedBytes = 1024 * 1024 }).Validate(Item("a.pdf", Pdf, pdf), Now));

        Assert.Contains("Compliance:Attachments:MaxDecodedBytes = 1048576", message, StringComparison.Ordinal);
        Assert.Contains("was not checked", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PdfInflatingPastTheBoundInWarnMode_AcceptedWithAnUncheckedFinding()
    {
        var pdf = HostileDocuments.InflatingPdf(8L * 1024 * 1024);

        var result = CreateSut(new AttachmentOptions { MaxDecodedBytes = 1024 * 1024 }, "Warn").Validate(Item("a.pdf", Pdf, pdf), Now);

        Assert.True(result.IsValid);
        var finding = Assert.Single(result.Compliance.Findings);
        Assert.Equal(("attachments[0]", ComplianceChecker.UncheckedRule, ComplianceMode.Warn), (finding.Field, finding.Rule, finding.Mode));
        Assert.Contains("MaxDecodedBytes", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Subtype /Image /Width 1 /Height 1 /Filter /FlateDecode", "")]
    [InlineData("/Title (/Filter /DCTDecode) /Filter /FlateDecode", "")]
    [InlineData("/Filter /FlateDecode", "( an unclosed string\n")]
    [InlineData("/Filter /FlateDecode", "< an unclosed hex string\n")]
    [InlineData("/Filter /FlateDecode", "% a comment\n[[ stray\n")]
    public void Validate_InflatingPdfDisguised_StillMeasuredAnd422(string dictionary, string before)
    {
        var pdf = HostileDocuments.InflatingPdf(8L * 1024 * 1024, dictionary, before);

        var message = RefusedAttachment(CreateSut(new AttachmentOptions { MaxDecodedBytes = 1024 * 1024 }).Validate(Item("a.pdf", Pdf, pdf), Now));

        Assert.Contains("Compliance:Attachments:MaxDecodedBytes = 1048576", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PdfWithAStreamFilterThatCannotBeBounded_422()
    {
        var pdf = HostileDocuments.Pdf([1, 2, 3, 4], "/Filter /LZWDecode");

        Assert.Contains("LZWDecode", RefusedAttachment(CreateSut().Validate(Item("a.pdf", Pdf, pdf), Now)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PdfNestedDeeperThanTheBound_422NamingMaxDepth()
    {
        var pdf = HostileDocuments.Pdf([], "/Deep " + new string('[', 500) + new string(']', 500));

        Assert.Contains("Compliance:Attachments:MaxDepth = 100", RefusedAttachment(CreateSut().Validate(Item("a.pdf", Pdf, pdf), Now)), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PdfWithMorePagesThanTheBound_422NamingMaxPages()
    {
        var pdf = TestDocuments.Pdf(["one"], ["two"], ["three"]);

        var message = RefusedAttachment(CreateSut(new AttachmentOptions { MaxPages = 2 }).Validate(Item("a.pdf", Pdf, pdf), Now));

        Assert.Contains("3 pages", message, StringComparison.Ordinal);
        Assert.Contains("Compliance:Attachments:MaxPages = 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReportOf200PagesUnderTheDefaults_CheckedAndTheIdOnItsLastPageFound()
    {
        var pages = Enumerable.Range(1, 200).Select(p => new[] { $"Chapter {p}", "Flood season work report, water levels and reservoirs." }).ToList();
        pages.Add(["Applicant ID 350102199003071234"]);

        var message = RefusedAttachment(CreateSut().Validate(Item("report.pdf", Pdf, TestDocuments.Pdf([.. pages])), Now));

        Assert.Contains("attachments[0], page 201", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DocxOfMillionsOfParagraphs_422NamingTheCompressionRatio()
    {
        var docx = HostileDocuments.ParagraphDocx(4_000_000);

        var message = RefusedAttachment(CreateSut().Validate(Item("a.docx", Docx, docx), Now));

        Assert.Contains("Compliance:Attachments:MaxCompressionRatio = 100", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DocxWithMoreParagraphsThanTheBound_422NamingMaxParagraphs()
    {
        var docx = TestDocuments.Docx([.. Enumerable.Range(1, 50).Select(i => $"第{i}段")]);

        var message = RefusedAttachment(CreateSut(new AttachmentOptions { MaxParagraphs = 20 }).Validate(Item("a.docx", Docx, docx), Now));

        Assert.Contains("Compliance:Attachments:MaxParagraphs = 20", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DocxWithMoreEntriesThanTheBound_422NamingMaxEntries()
    {
        var docx = TestDocuments.Docx("一段");

        var message = RefusedAttachment(CreateSut(new AttachmentOptions { MaxEntries = 2 }).Validate(Item("a.docx", Docx, docx), Now));

        Assert.Contains("Compliance:Attachments:MaxEntries = 2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DocxInflatingPastTheBound_422NamingMaxDecodedBytes()
    {
        var docx = TestDocuments.Docx([.. Enumerable.Range(1, 2000).Select(i => $"第{i}段，内容各不相同 {i * 7919}")]);

        var message = RefusedAttachment(CreateSut(new AttachmentOptions { MaxDecodedBytes = 50_000 }).Validate(Item("a.docx", Docx, docx), Now));

        Assert.Contains("Compliance:Attachments:MaxDecodedBytes = 50000", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TextLongerThanTheBound_422NamingMaxCharacters()
    {
        var text = System.Text.Encoding.UTF8.GetBytes(new string('水', 101));

        var message = RefusedAttachment(CreateSut(new AttachmentOptions { MaxCharacters = 100 }).Validate(Item("a.txt", "text/plain", text), Now));

        Assert.Contains("Compliance:Attachments:MaxCharacters = 100", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeadlinePassed_UncheckedNamingTheDeadline()
    {
        var file = new MediaFile("a.docx", Docx, TestDocuments.Docx("一段", "两段"));

        var reading = AttachmentText.Read(file, new AttachmentOptions(), new CancellationToken(canceled: true));

        Assert.Null(reading.Text);
        Assert.Contains("Compliance:Attachments:Deadline = 00:00:15", reading.Unchecked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_EveryPlaceTakenPastTheDeadline_UncheckedNamingMaxConcurrent()
    {
        var options = new AttachmentOptions { MaxConcurrent = 1, Deadline = TimeSpan.FromMilliseconds(200) };
        using var release = new ManualResetEventSlim();
        using var gate = new AttachmentGate(options, (_, token) =>
        {
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return new AttachmentReading(new LocatedText(""), null, null);
        });
        var file = new MediaFile("a.txt", "text/plain", "x"u8.ToArray());
        var first = Task.Run(() => gate.Read(file));
        Assert.True(SpinWait.SpinUntil(() => gate.InUse == 1, TimeSpan.FromSeconds(10)));

        var second = gate.Read(file);
        release.Set();

        Assert.Contains("Compliance:Attachments:MaxConcurrent = 1", second.Unchecked, StringComparison.Ordinal);
        Assert.True(second.Busy);
        Assert.NotNull((await first).Text);
    }

    [Fact]
    public async Task Validate_EveryReadingPlaceTakenPastTheDeadline_503SendAgainNotARefusalOfTheFile()
    {
        var config = TestConfig.From(("Channels:bureau:Connector", "fake"));
        var catalogue = TestConfig.Catalogue(config);
        var options = new ComplianceOptions
        {
            PersonalData = "Block",
            Secrecy = "Block",
            Attachments = new AttachmentOptions { MaxConcurrent = 1, Deadline = TimeSpan.FromMilliseconds(200) },
        };
        using var release = new ManualResetEventSlim();
        using var reading = new ManualResetEventSlim();
        using var checker = new ComplianceChecker(Options.Create(options), catalogue, (_, _) =>
        {
            reading.Set();
            release.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return new AttachmentReading(new LocatedText(""), null, null);
        });
        var sut = new ItemValidator(
            catalogue, Options.Create(new IntakeOptions()), Options.Create(new PublisherOptions()), new BodyRenderer(), checker);
        var item = Item("a.docx", Docx, TestDocuments.Docx("一段"));
        var first = Task.Run(() => sut.Validate(item, Now));
        Assert.True(reading.Wait(TimeSpan.FromSeconds(10)));

        var second = sut.Validate(Item("a.docx", Docx, TestDocuments.Docx("一段")), Now);
        release.Set();

        Assert.Null(second.Item);
        Assert.Equal(503, second.Error!.Status);
        var message = Assert.Single(second.Error.Errors["attachments"]);
        Assert.Contains("attachments[0] ('a.docx') was not read", message, StringComparison.Ordinal);
        Assert.Contains("Compliance:Attachments:MaxConcurrent = 1", message, StringComparison.Ordinal);
        Assert.True((await first).IsValid);
    }
}
