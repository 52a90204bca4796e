using System.Net;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Control;

public sealed class StatsAndResetTests : IAsyncLifetime
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
    public async Task Stats_AfterCalls_CountRequestsOperationsAndOwnErrors()
    {
        await _client.CreateAsync("""{"title":"t"}""");
        (await _client.PostAsync(BureauCalls.Content(1) + "/actions/update", """{"title":"u"}""")).Dispose();
        (await _client.PostAsync(BureauCalls.Content(1) + "/actions/delete")).Dispose();
        (await _client.SendAsync(HttpMethod.Get, BureauCalls.Content(1), apiKey: null)).Dispose();
        (await _client.SendAsync(HttpMethod.Put, BureauCalls.Content(1), "{}")).Dispose();
        (await _client.SendAsync(HttpMethod.Get, BureauCalls.Content(99))).Dispose();
        await _sandbox.Control.GetArticlesAsync("bureau");

        var stats = await _sandbox.Control.GetStatsAsync("bureau");

        Assert.Equal(6, stats.Requests);
        Assert.Equal(1, stats.Creates);
        Assert.Equal(1, stats.Updates);
        Assert.Equal(1, stats.Deletes);
        Assert.Equal(0, stats.FaultsInjected);
        Assert.Equal(new Dictionary<string, long> { ["400"] = 1, ["401"] = 1, ["405"] = 1 }, stats.Errors);
    }

    [Fact]
    public async Task Stats_InjectedFault_CountsAsFaultNotAsError()
    {
        await _sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503));

        using var response = await _client.PostAsync(BureauCalls.Channel(), """{"title":"t"}""");
        var stats = await _sandbox.Control.GetStatsAsync("bureau");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, stats.Requests);
        Assert.Equal(1, stats.FaultsInjected);
        Assert.Equal(0, stats.Creates);
        Assert.Empty(stats.Errors);
    }

    [Fact]
    public async Task Reset_EmptiesArticlesIdsStatsAndFaults()
    {
        await _client.CreateAsync("""{"title":"一"}""");
        await _client.CreateAsync("""{"title":"二"}""");
        await _sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503, count: 5));

        await _sandbox.Control.ResetAsync();
        var statsAfterReset = await _sandbox.Control.GetStatsAsync("bureau");
        var articlesAfterReset = await _sandbox.Control.GetArticlesAsync("bureau");
        var created = await _client.CreateAsync("""{"title":"三"}""");

        Assert.Equal(0, statsAfterReset.Requests);
        Assert.Equal(0, statsAfterReset.Creates);
        Assert.Empty(articlesAfterReset);
        Assert.Equal(1, created.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Index_WithArticles_ListsThemWithLinksToTheirPages()
    {
        await _client.CreateAsync("""{"title":"关于汛期的通知","checked":true}""");

        using var response = await _client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("关于汛期的通知", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/bureau/site/contents/2/1.html\"", html, StringComparison.Ordinal);
    }
}
