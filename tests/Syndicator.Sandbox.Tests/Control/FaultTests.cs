using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Sandbox.Tests.Control;

public sealed class FaultTests
{
    private const string Ping = "bureau/api/ping";

    [Fact]
    public async Task StatusFault_WithCount_FailsThatManyCallsWithoutProcessingThem()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503, count: 2));

        using var first = await client.PostAsync(BureauCalls.Channel(), """{"title":"一"}""");
        using var second = await client.PostAsync(BureauCalls.Channel(), """{"title":"二"}""");
        using var third = await client.PostAsync(BureauCalls.Channel(), """{"title":"三"}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(["三"], (await sandbox.Control.GetArticlesAsync("bureau")).Select(static a => a.Title));
    }

    [Fact]
    public async Task StatusFault_ForSeconds_FailsEveryCallUntilItExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await using var sandbox = await SandboxServer.StartAsync(time);
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.FailFor(503, TimeSpan.FromSeconds(30)));

        var during = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(Ping);
            during.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(30));
        using var after = await client.GetAsync(Ping);

        Assert.All(during, static s => Assert.Equal(HttpStatusCode.ServiceUnavailable, s));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task LatencyFault_DelaysTheAnswerThenProcesses()
    {
        var latency = TimeSpan.FromMilliseconds(300);
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Delay(latency));

        var started = Stopwatch.GetTimestamp();
        using var delayed = await client.PostAsync(BureauCalls.Channel(), """{"title":"慢"}""");
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
        Assert.True(elapsed >= latency, $"answered after {elapsed}");
        Assert.Single(await sandbox.Control.GetArticlesAsync("bureau"));
    }

    [Fact]
    public async Task LatencyFault_CallerGivesUpBeforeTheAnswer_TheChangeIsAppliedAnyway()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Delay(TimeSpan.FromMilliseconds(500)));
        using var giveUp = new CancellationTokenSource();

        using var request = new HttpRequestMessage(HttpMethod.Post, BureauCalls.Channel())
        {
            Content = new StringContent("""{"title":"慢","checked":true}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-SS-API-KEY", SandboxCredentials.BureauApiKey);
        var call = client.SendAsync(request, giveUp.Token);
        await Until(async () => (await sandbox.Control.GetStatsAsync("bureau")).FaultsInjected == 1);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Empty(await sandbox.Control.GetArticlesAsync("bureau"));

        await Until(async () => (await sandbox.Control.GetArticlesAsync("bureau")).Count == 1);
    }

    private static async Task Until(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (!await condition())
        {
            Assert.True(Stopwatch.GetTimestamp() < deadline, "the condition never held");
            await Task.Yield();
        }
    }

    [Fact]
    public async Task ResetFault_DropsTheConnectionAndStoresNothing()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        using var warmUp = await client.GetAsync(Ping);
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(BureauCalls.Channel(), """{"title":"丢"}"""));
        var articles = await sandbox.Control.GetArticlesAsync("bureau");
        var next = await client.CreateAsync("""{"title":"下一篇"}""");

        Assert.Empty(articles);
        Assert.Equal(1, next.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task CommitThenResetFault_StoresTheArticleButDropsTheConnection()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        using var warmUp = await client.GetAsync(Ping);
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.CommitThenDropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(BureauCalls.Channel(), """{"title":"已提交"}"""));
        var articles = await sandbox.Control.GetArticlesAsync("bureau");
        var stats = await sandbox.Control.GetStatsAsync("bureau");

        Assert.Equal(["已提交"], articles.Select(static a => a.Title));
        Assert.Equal(1, stats.Creates);
        Assert.Equal(1, stats.FaultsInjected);
    }

    [Fact]
    public async Task WechatErrcodeFault_Answers200WithTheErrcode()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.WechatError(40001));

        using var response = await client.GetAsync(Ping);
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(40001, body.GetProperty("errcode").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("errmsg").GetString()));
    }

    [Fact]
    public async Task PathFault_HitsOnlyMatchingCallsAndCountsOnlyHits()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503) with { Path = "/api/v1/contents" });

        using var ping = await client.GetAsync(Ping);
        using var create = await client.PostAsync(BureauCalls.Channel(), """{"title":"t"}""");
        using var again = await client.PostAsync(BureauCalls.Channel(), """{"title":"t"}""");

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Faults_ApplyInTheOrderAdded()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503));
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(429));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(Ping);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task DeleteFaults_ClearsEveryScheduledFault()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503, count: 5));

        await sandbox.Control.ClearFaultsAsync("bureau");
        using var response = await client.GetAsync(Ping);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ControlCalls_AreNeitherFaultedNorCounted()
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();
        await sandbox.Control.AddFaultAsync("bureau", SandboxFault.Fail(503));

        var stats = await sandbox.Control.GetStatsAsync("bureau");
        using var ping = await client.GetAsync(Ping);

        Assert.Equal(0, stats.Requests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ping.StatusCode);
    }

    [Theory]
    [InlineData("""{"status":"503"}""", "status")]
    [InlineData("""{"status":503,"count":0}""", "count")]
    [InlineData("""{"status":503,"reset":true}""", "reset")]
    [InlineData("""{"latencyMs":-1}""", "latencyMs")]
    [InlineData("""{"reset":false}""", "reset")]
    [InlineData("""{"status":503,"path":"api"}""", "path")]
    [InlineData("""{"status":503,"forSeconds":0}""", "forSeconds")]
    [InlineData("""{"status":503,"colour":"red"}""", "colour")]
    [InlineData("""{"count":3}""", "$")]
    [InlineData("not json", "$")]
    public async Task AddFault_Invalid_Answers400NamingTheField(string fault, string field)
    {
        await using var sandbox = await SandboxServer.StartAsync();
        using var client = sandbox.CreateClient();

        using var response = await client.SendAsync(HttpMethod.Post, "_sandbox/bureau/faults", fault, apiKey: null);
        var problem = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }
}
