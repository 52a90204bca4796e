using System.Net;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Bureau;

public sealed class BureauPagesTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _client = _sandbox.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task Page_ApprovedContent_Answers200HtmlWithTitleAndBody()
    {
        await _client.CreateAsync("""{"title":"关于汛期的通知","body":"<p>请各单位做好准备。</p>","checked":true}""");

        using var response = await _client.GetAsync("bureau/site/contents/2/1.html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("<h1 class=\"article-title\">关于汛期的通知</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"article-content\"><p>请各单位做好准备。</p></div>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"body\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_UnapprovedContent_Answers404UntilAnUpdateRaisesItsCheckLevel()
    {
        await _client.CreateAsync("""{"title":"待审核"}""");

        using var before = await _client.GetAsync("bureau/site/contents/2/1.html");
        using var flagOnly = await _client.PostAsync(BureauCalls.Content(1) + "/actions/update", """{"checked":true}""");
        using var afterFlag = await _client.GetAsync("bureau/site/contents/2/1.html");
        using var level = await _client.PostAsync(BureauCalls.Content(1) + "/actions/update", """{"checkedLevel":1}""");
        using var after = await _client.GetAsync("bureau/site/contents/2/1.html");

        // Update derives approval from the stored check level (ContentsController.Update.cs): "checked" alone changes nothing.
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, flagOnly.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterFlag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, level.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Page_DeletedContent_Answers404()
    {
        await _client.CreateAsync("""{"title":"t","checked":true}""");
        using var delete = await _client.PostAsync(BureauCalls.Content(1) + "/actions/delete");

        using var response = await _client.GetAsync("bureau/site/contents/2/1.html");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("bureau/site/contents/3/1.html")]
    [InlineData("bureau/site/contents/2/2.html")]
    public async Task Page_OfAnotherChannelOrUnknownContent_Answers404(string path)
    {
        await _client.CreateAsync("""{"title":"t","checked":true}""");

        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
