using System.Diagnostics;
using Syndicator.Core.Intake;

namespace Syndicator.Core.Tests.Intake;

/// <summary>Every limit checked before anything costly parses the item; text checked after references are decoded.</summary>
public sealed partial class ItemValidatorTests
{
    /// <summary>Well above what these take now (milliseconds), far below what they took before (seconds to minutes).</summary>
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(5);

    [Fact]
    public void Validate_FortyFiveThousandNestedDivs_422NamingBodyAndDepthLimitQuickly()
    {
        var submission = Valid();
        submission.Body!.Content = string.Concat(Enumerable.Repeat("<div>", 45_000)) + "汛期";

        var (error, took) = Timed(() => Refused(CreateSut().Validate(submission, Now), 422));

        Assert.Equal(["body.content"], error.Errors.Keys);
        Assert.Contains("more than 64 deep (Intake:MaxBodyDepth)", Assert.Single(error.Errors["body.content"]), StringComparison.Ordinal);
        Assert.True(took < Quickly, $"took {took}");
    }

    [Fact]
    public void Validate_SelfClosedDivsAndUnclosedListItems_DepthCountedAsTheParserBuildsIt()
    {
        var deep = Valid();
        deep.Body!.Content = string.Concat(Enumerable.Repeat("<div/>", 100)) + "汛期";
        var flat = Valid();
        flat.Body!.Content = "<ul>" + string.Concat(Enumerable.Repeat("<li>一项", 500)) + "</ul><p>汛期<img src=\"fig1.png\">";

        Assert.Contains("Intake:MaxBodyDepth", Refused(CreateSut().Validate(deep, Now), 422).Errors["body.content"][0], StringComparison.Ordinal);
        Assert.True(CreateSut().Validate(flat, Now).IsValid);
    }

    [Fact]
    public void Validate_BodyOverLengthLimit_422BeforeRenderingQuickly()
    {
        var submission = Valid();
        submission.Body!.Content = string.Concat(Enumerable.Repeat("<p><b>汛期</b></p>", 300_000));

        var (error, took) = Timed(() => Refused(CreateSut().Validate(submission, Now), 422));

        Assert.Equal($"{submission.Body.Content.Length} characters is over the limit of 500000 (Intake:MaxBodyLength).", Assert.Single(error.Errors["body.content"]));
        Assert.True(took < Quickly, $"took {took}");
    }

    [Fact]
    public void Validate_MoreElementsThanTheLimit_422NamingBodyAndElementLimit()
    {
        var submission = Valid();
        submission.Body!.Content = string.Concat(Enumerable.Repeat("<p>汛期</p>", 101));

        var error = Refused(CreateSut(new IntakeOptions { MaxBodyElements = 100 }).Validate(submission, Now), 422);

        Assert.Equal(["The body has more than 100 elements (Intake:MaxBodyElements)."], error.Errors["body.content"]);
    }

    [Fact]
    public void Validate_FormattingElementsLeftOpen_422BeforeTheParserRebuildsThemInEveryParagraph()
    {
        var submission = Valid();
        submission.Body!.Content = string.Concat(Enumerable.Range(0, 3_000).Select(i => $"<div><b id={i}></div>"))
            + string.Concat(Enumerable.Repeat("<p>x</p>", 3_000));

        var (error, took) = Timed(() => Refused(CreateSut().Validate(submission, Now), 422));

        Assert.Contains("formatting elements", Assert.Single(error.Errors["body.content"]), StringComparison.Ordinal);
        Assert.True(took < Quickly, $"took {took}");
    }

    [Theory]
    [InlineData(">")]
    [InlineData("- ")]
    [InlineData("1. ")]
    public void Validate_MarkdownNestedDeeperThanTheLimit_422NamingBody(string marker)
    {
        var submission = Valid();
        submission.Body = new SubmittedBody { Format = "markdown", Content = string.Concat(Enumerable.Repeat(marker, 5_000)) + "汛期" };

        var (error, took) = Timed(() => Refused(CreateSut().Validate(submission, Now), 422));

        Assert.Contains("Intake:MaxBodyDepth", Assert.Single(error.Errors["body.content"]), StringComparison.Ordinal);
        Assert.True(took < Quickly, $"took {took}");
    }

    [Fact]
    public void Validate_MarkdownListNestedByIndentation_422NamingBody()
    {
        var submission = Valid();
        submission.Body = new SubmittedBody
        {
            Format = "markdown",
            Content = string.Join('\n', Enumerable.Range(0, 100).Select(i => new string(' ', 2 * i) + "- 第" + i + "项")),
        };

        Assert.Contains("Intake:MaxBodyDepth", Refused(CreateSut().Validate(submission, Now), 422).Errors["body.content"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[a](", "too many links on too long lines")]
    [InlineData("![a](", "too many links on too long lines")]
    [InlineData("- a\n", "(Intake:MaxBodyElements)")]
    [InlineData("|a|\n|-|\n", "(Intake:MaxBodyElements)")]
    [InlineData("*a", "nests too deeply")]
    [InlineData("~~a", "nests too deeply")]
    public void Validate_MarkdownThatMarkdigWouldChokeOn_422NamingBodyQuickly(string unit, string message)
    {
        var submission = Valid();
        submission.Body = new SubmittedBody { Format = "markdown", Content = string.Concat(Enumerable.Repeat(unit, 499_000 / unit.Length)) };

        var (error, took) = Timed(() => Refused(CreateSut().Validate(submission, Now), 422));

        Assert.Contains(message, Assert.Single(error.Errors["body.content"]), StringComparison.Ordinal);
        Assert.True(took < Quickly, $"took {took}");
    }

    [Fact]
    public void Validate_SanitizingPastTheDeadline_422NamingBodyAndTheSetting()
    {
        var submission = Valid();
        submission.Body!.Content = string.Concat(Enumerable.Repeat("<p style=\"color:red;font-size:12px\">汛期</p>", 5_000));

        var error = Refused(CreateSut(new IntakeOptions { SanitizeTimeout = TimeSpan.FromTicks(1) }).Validate(submission, Now), 422);

        Assert.Contains("(Intake:SanitizeTimeout)", Assert.Single(error.Errors["body.content"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("html", "&#1;", "U+0001")]
    [InlineData("html", "&#x1;", "U+0001")]
    [InlineData("html", "&#0;", "U+0000")]
    [InlineData("html", "&#xFFFE;", "U+FFFE")]
    [InlineData("html", "&#xd800;", "U+D800")]
    [InlineData("html", "&#27", "U+001B")]
    [InlineData("html", "<a title=\"&#8;\">链接</a>", "U+0008")]
    [InlineData("markdown", "&#x1F;", "U+001F")]
    public void Validate_ControlCharacterByReference_422NamingBodyAndTheCharacter(string format, string hostile, string named)
    {
        var submission = Valid();
        submission.Body = new SubmittedBody { Format = format, Content = "<p>汛期" + hostile + "将至</p>" };

        var error = Refused(CreateSut().Validate(submission, Now), 422);

        Assert.Contains(named, Assert.Single(error.Errors["body.content"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("&#9;&#10;&#13;")]
    [InlineData("&#x6C5B;&#26399;")]
    [InlineData("&amp;#1;")]
    public void Validate_ReferencesToText_Accepted(string references)
    {
        var submission = Valid();
        submission.Body!.Content = "<p>汛期" + references + "<img src=\"fig1.png\"></p>";

        Assert.True(CreateSut().Validate(submission, Now).IsValid);
    }

    [Fact]
    public void Validate_IdEndingInNewline_400NamingId()
    {
        var submission = Valid();
        submission.Id = "txsl-2026-0042\n";

        Assert.Equal(["id"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    [Fact]
    public void Validate_IndexNumberEndingInNewline_400NamingIndexNumber()
    {
        var submission = Valid();
        submission.IndexNumber = "002482285/2026-00042\n";

        Assert.Equal(["indexNumber"], Refused(CreateSut().Validate(submission, Now), 400).Errors.Keys);
    }

    private static (T Result, TimeSpan Took) Timed<T>(Func<T> run)
    {
        var watch = Stopwatch.StartNew();
        var result = run();
        return (result, watch.Elapsed);
    }
}
