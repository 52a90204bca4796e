using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Control;

public sealed class ArticlesTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Articles_AfterCreateAndUpdate_ShowTheArticleAsStored()
    {
        var time = new FakeTimeProvider(Start);
        await using var sandbox = await SandboxServer.StartAsync(time);
        using var client = sandbox.CreateClient();
        await client.CreateAsync("""{"title":"旧","body":"<p>一</p>","summary":"摘要","tagNames":["汛期"],"checked":true}""");
        time.Advance(TimeSpan.FromMinutes(1));
        using var update = await client.PostAsync(BureauCalls.Content(1) + "/actions/update", """{"title":"新","body":"<p>二</p>"}""");

        var article = Assert.Single(await sandbox.Control.GetArticlesAsync("bureau"));

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("1", article.RemoteId);
        Assert.Equal("新", article.Title);
        Assert.Equal(new Uri(sandbox.BaseAddress, "bureau/site/contents/2/1.html"), article.Url);
        Assert.Null(article.SourceId);
        Assert.Equal(Sha256("<p>二</p>"), article.ContentHash);
        Assert.Equal(Start, article.CreatedAt);
        Assert.Equal(Start.AddMinutes(1), article.UpdatedAt);
        Assert.False(article.Deleted);
        Assert.Equal("摘要", (string?)article.Metadata["summary"]);
        Assert.Equal("汛期", (string?)article.Metadata["tagNames"]![0]);
        Assert.True((bool)article.Metadata["checked"]!);
        Assert.Equal(2, (int)article.Metadata["channelId"]!);
    }

    [Fact]
    public async Task Articles_UrlOfAnApprovedArticle_OpensItsPage()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await client.CreateAsync("""{"title":"页面","checked":true}""");

        var article = Assert.Single(await sandbox.Control.GetArticlesAsync("bureau"));
        using var page = await client.GetAsync(article.Url);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Articles_AfterDelete_FlagTheArticleDeleted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await client.CreateAsync("""{"title":"一"}""");
        await client.CreateAsync("""{"title":"二"}""");
        using var delete = await client.PostAsync(BureauCalls.Content(1) + "/actions/delete");

        var articles = await sandbox.Control.GetArticlesAsync("bureau");

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal([true, false], articles.Select(static a => a.Deleted));
        Assert.Equal(-2, (int)articles[0].Metadata["channelId"]!);
    }

    [Fact]
    public async Task Articles_WithoutBody_HashTheEmptyString()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await client.CreateAsync("{}");

        var article = Assert.Single(await sandbox.Control.GetArticlesAsync("bureau"));

        Assert.Equal(Sha256(string.Empty), article.ContentHash);
        Assert.Null(article.Title);
    }

    [Fact]
    public async Task Articles_ChineseText_IsNotEscaped()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await client.CreateAsync("""{"title":"工作动态"}""");

        var raw = await client.GetStringAsync("_sandbox/bureau/articles");

        Assert.Contains("\"title\":\"工作动态\"", raw, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "_sandbox/nowhere/articles")]
    [InlineData("GET", "_sandbox/nowhere/stats")]
    [InlineData("POST", "_sandbox/nowhere/faults")]
    [InlineData("DELETE", "_sandbox/nowhere/faults")]
    public async Task ControlApi_UnknownChannel_Answers404Problem(string method, string path)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();

        using var response = await client.SendAsync(new HttpMethod(method), path, method == "POST" ? """{"status":503}""" : null, apiKey: null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
