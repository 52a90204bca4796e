using Microsoft.Extensions.Logging.Abstractions;

namespace Syndicator.Channels.NoticeBoard.Tests;

public sealed class NoticeBoardSettingsTests
{
    private static NoticeBoardConnectorFactory Factory() => new(TimeProvider.System, NullLogger<NoticeBoardConnector>.Instance);

    [Fact]
    public void Validate_Defaults_NoProblems() =>
        Assert.Empty(Factory().Validate(Notices.Definition()));

    [Fact]
    public void Validate_MissingFont_NamesTheKeyThePathAndThePackage()
    {
        var problem = Assert.Single(Factory().Validate(Notices.Definition(("FontPath", "/nonexistent/simsun.ttf"))));

        Assert.Contains("Channels:board:FontPath", problem, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/simsun.ttf", problem, StringComparison.Ordinal);
        Assert.Contains("does not exist", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ttcf", "TrueType collection")]
    [InlineData("OTTO", "CFF outlines")]
    [InlineData("wOFF", "not a TrueType font")]
    public void Validate_FontPDFsharpCannotSubset_NamesTheKeyAndWhy(string tag, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"font-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, [.. System.Text.Encoding.ASCII.GetBytes(tag), .. new byte[60]]);
        try
        {
            var problem = Assert.Single(Factory().Validate(Notices.Definition(("LatinFontPath", path))));

            Assert.Contains("Channels:board:LatinFontPath", problem, StringComparison.Ordinal);
            Assert.Contains(expected, problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_CjkFontWithoutCjkGlyphs_NamesTheKeyAndACharacterItLacks()
    {
        var problem = Assert.Single(Factory().Validate(Notices.Definition(("FontPath", NoticeBoardChannelOptions.DefaultLatinFontPath))));

        Assert.Contains($"Channels:board:FontPath is '{NoticeBoardChannelOptions.DefaultLatinFontPath}', which has no glyph for '", problem, StringComparison.Ordinal);
        Assert.Contains("notices would print boxes", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LatinFontWithoutLatinGlyphs_NamesTheKeyAndACharacterItLacks()
    {
        var problem = Assert.Single(Factory().Validate(Notices.Definition(("LatinFontPath", NoticeBoardChannelOptions.DefaultFontPath))));

        Assert.Contains("Channels:board:LatinFontPath", problem, StringComparison.Ordinal);
        Assert.Contains("(U+0030)", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DisplayDays", "366", "from 0 to 365")]
    [InlineData("DisplayDays", "-1", "from 0 to 365")]
    [InlineData("MaxPages", "0", "from 1 to 200")]
    [InlineData("MaxTitleCharacters", "5", "from 10 to 2000")]
    [InlineData("MaxBodyCharacters", "2000000", "from 100 to 1000000")]
    [InlineData("RenderTimeout", "00:10:00", "at most 00:05:00")]
    public void Validate_OutOfRange_NamesTheKeyAndTheLimit(string key, string value, string limit)
    {
        var problem = Assert.Single(Factory().Validate(Notices.Definition((key, value))));

        Assert.Contains($"Channels:board:{key}", problem, StringComparison.Ordinal);
        Assert.Contains(limit, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OrganisationTooLong_NamesTheKeyAndTheLimit()
    {
        var problem = Assert.Single(Factory().Validate(Notices.Definition(("Organisation", new string('局', 61)))));

        Assert.Contains("Channels:board:Organisation must be at most 60 characters", problem, StringComparison.Ordinal);
    }
}
