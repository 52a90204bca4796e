using System.Net;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Bureau;

public sealed class BureauErrorTests : IAsyncLifetime
{
    private SandboxServer _sandbox = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxServer.StartAsync();
        _client = _sandbox.CreateClient();
        await _client.CreateAsync("""{"title":"t"}""");
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData(SandboxCredentials.BureauApiKeyWithoutContentsScope)]
    public async Task Contents_WithoutAKeyHavingTheContentsScope_Answers401ProblemDetails(string? apiKey)
    {
        using var create = await _client.SendAsync(HttpMethod.Post, BureauCalls.Channel(), """{"title":"x"}""", apiKey);
        using var read = await _client.SendAsync(HttpMethod.Get, BureauCalls.Content(1), apiKey: apiKey);
        var problem = await create.JsonAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Unauthorized", problem.GetProperty("title").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.Single(await _sandbox.Control.GetArticlesAsync("bureau"));
    }

    [Fact]
    public async Task Contents_WithApiKeyInQuery_IsAccepted()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, $"{BureauCalls.Content(1)}?apiKey={SandboxCredentials.BureauApiKey}", apiKey: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ping_WithoutKey_AnswersPong()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "bureau/api/ping", apiKey: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task PutOrDelete_OnAContent_Answers405AllowingGet(string method)
    {
        using var response = await _client.SendAsync(new HttpMethod(method), BureauCalls.Content(1), method == "PUT" ? "{}" : null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET"], response.Content.Headers.Allow);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Get_OnAChannel_Answers405AllowingPost()
    {
        using var response = await _client.SendAsync(HttpMethod.Get, BureauCalls.Channel());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("GET", "bureau/api/v1/contents/1/2/99", null)]
    [InlineData("GET", "bureau/api/v1/contents/7/2/1", null)]
    [InlineData("GET", "bureau/api/v1/contents/1/99/1", null)]
    [InlineData("POST", "bureau/api/v1/contents/1/99", """{"title":"x"}""")]
    [InlineData("POST", "bureau/api/v1/contents/7/2", """{"title":"x"}""")]
    [InlineData("POST", "bureau/api/v1/contents/1/2/99/actions/update", """{"title":"x"}""")]
    [InlineData("POST", "bureau/api/v1/contents/1/2/99/actions/delete", null)]
    [InlineData("POST", "bureau/api/v1/contents", """{"siteId":7}""")]
    public async Task UnknownSiteChannelOrContent_Answers400NotFoundMessage(string method, string path, string? json)
    {
        using var response = await _client.SendAsync(new HttpMethod(method), path, json);
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("未找到资源!", body.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"title":""")]
    [InlineData("""{"title":123}""")]
    [InlineData("[]")]
    public async Task Create_WithABodyThatIsNotAContent_Answers400ValidationProblem(string body)
    {
        using var response = await _client.PostAsync(BureauCalls.Channel(), body);
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("One or more validation errors occurred.", problem.GetProperty("title").GetString());
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateObject());
        Assert.Single(await _sandbox.Control.GetArticlesAsync("bureau"));
    }

    [Fact]
    public async Task Create_WithoutJsonContentType_Answers415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BureauCalls.Channel()) { Content = new StringContent("""{"title":"x"}""") };
        request.Headers.Add("X-SS-API-KEY", SandboxCredentials.BureauApiKey);

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
