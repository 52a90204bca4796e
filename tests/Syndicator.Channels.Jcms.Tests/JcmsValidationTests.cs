using Syndicator.Core.Catalogue;

namespace Syndicator.Channels.Jcms.Tests;

public sealed class JcmsValidationTests
{
    private static readonly Uri Base = new("https://xxgk.example.gov.cn/");

    [Fact]
    public void Validate_CompleteSettings_NoProblems()
    {
        using var sut = new JcmsSut(JcmsSut.SettingsFor(Base));

        Assert.Empty(sut.Factory.Validate(sut.Definition));
    }

    [Theory]
    [InlineData("BaseUrl", null, "Channels:portal:BaseUrl is required (an absolute http(s) URL)")]
    [InlineData("BaseUrl", "xxgk.example.gov.cn", "Channels:portal:BaseUrl must be an absolute http(s) URL; got 'xxgk.example.gov.cn'")]
    [InlineData("BaseUrl", "https://x.example/?userid=a&password=b", "Channels:portal:BaseUrl must not carry a query string (credentials are placed by Envelope:Credentials); got 'https://x.example/?…'")]
    [InlineData("ReceivePath", "receive.jsp?userid=a", "Channels:portal:ReceivePath must be a relative path such as jcms/interface/receive.jsp (no query string); got 'receive.jsp?userid=a'")]
    [InlineData("UserId", "", "Channels:portal:UserId is required (the receive interface's user, userid)")]
    [InlineData("Password", null, "Channels:portal:Password is required (the receive interface user's password)")]
    [InlineData("ColumnId", null, "Channels:portal:ColumnId is required (a positive integer, the portal's columnid)")]
    [InlineData("ColumnId", "信息公开", "Channels:portal:ColumnId must be a positive integer (the portal's columnid); got '信息公开'")]
    [InlineData("ColumnId", "0", "Channels:portal:ColumnId must be a positive integer (the portal's columnid); got '0'")]
    [InlineData("LegacyQueryStringCredentials", "true", "Channels:portal:LegacyQueryStringCredentials is gone: where the credentials travel is Channels:portal:Envelope:Credentials (Query, the public client's form and the default; Xml; Header)")]
    [InlineData("SupportsUpdate", "yes", "Channels:portal:SupportsUpdate must be true or false; got 'yes'")]
    [InlineData("SupportsUpdate", "true", "Channels:portal:Envelope:OperationElement is required when SupportsUpdate is on (the element that tells the portal which operation a call is)")]
    [InlineData("Envelope:Credentials", "Cookie", "Channels:portal:Envelope:Credentials must be one of Query, Xml, Header; got 'Cookie'")]
    [InlineData("Envelope:Root", "1root", "Channels:portal:Envelope:Root must be an XML element name; got '1root'")]
    [InlineData("Envelope:Fields:Title", "", "Channels:portal:Envelope:Fields:Title must name an element (an article needs its Title)")]
    [InlineData("Envelope:Fields:Colour", "颜色", "Channels:portal:Envelope:Fields:Colour is not a field of ours; known: Title, Body, DocumentNumber, CreatedAt, Column, ColumnId, SourceId, IndexNumber, Publisher, WrittenOn, PublishedOn, Topic, Genre, Validity, DisclosureMode, DisclosureScope, Keywords, Summary, Attachments")]
    [InlineData("Envelope:ContentType", "xml", "Channels:portal:Envelope:ContentType must be a media type such as application/x-www-form-urlencoded; got 'xml'")]
    [InlineData("Reply:Success:Regex", "成功(", "Channels:portal:Reply:Success:Regex is not a regular expression; got '成功('")]
    [InlineData("Reply:Id:XPath", "/result/[", "Channels:portal:Reply:Id:XPath is not an XPath expression; got '/result/['")]
    [InlineData("Reconcile:ListPage", "col/index.html", "Channels:portal:Reconcile:ListPage must contain {column} (the column id), e.g. col/col{column}/index.html; got 'col/index.html'")]
    [InlineData("Page:BodySelector", "div[", "Channels:portal:Page:BodySelector must be a CSS selector of at most 200 characters; got 'div['")]
    public void Validate_BadSetting_MessageNamesKeyAndValue(string key, string? value, string expected)
    {
        var settings = JcmsSut.SettingsFor(Base);
        settings[key] = value;
        using var sut = new JcmsSut(settings);

        Assert.Equal([expected], sut.Factory.Validate(sut.Definition));
    }

    [Fact]
    public void Validate_BadPassword_MessageNeverRepeatsIt()
    {
        var settings = JcmsSut.SettingsFor(Base, password: "s3cret-value");
        settings["BaseUrl"] = "not a url";
        using var sut = new JcmsSut(settings);

        Assert.All(sut.Factory.Validate(sut.Definition), p => Assert.DoesNotContain("s3cret-value", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CategoryColumnNotAnId_MessageNamesCatalogueKey()
    {
        var catalogue = new CatalogueOptions
        {
            Categories =
            [
                new CategoryOptions { Name = "工作信息" },
                new CategoryOptions { Name = "政策文件", ChannelColumns = { ["portal"] = "政策" } },
            ],
        };
        using var sut = new JcmsSut(JcmsSut.SettingsFor(Base), catalogue);

        var problem = Assert.Single(sut.Factory.Validate(sut.Definition));

        Assert.Equal("Catalogue:Categories:1:ChannelColumns:portal (category 政策文件) must be a positive integer (the portal's columnid); got '政策'", problem);
    }

    [Fact]
    public void Create_BadSettings_ThrowsWithTheProblems()
    {
        var settings = JcmsSut.SettingsFor(Base);
        settings["ColumnId"] = null;
        using var sut = new JcmsSut(settings);

        var exception = Assert.Throws<InvalidOperationException>(() => sut.Factory.Create(sut.Definition));

        Assert.Contains("Channels:portal:ColumnId is required", exception.Message, StringComparison.Ordinal);
    }
}
