using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>The executable on PostgreSQL: <c>keys create --postgres</c> and <c>serve --postgres</c> end to end.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresProcessTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Serve_Postgres_SubmittedItemDeliveredToTheSandboxOnce()
    {
        var database = await cluster.CreateDatabaseAsync();
        await using var sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);
        var (code, key, stderr) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "test", "--scope", "submit", "read", "--postgres", database], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, stderr);
        var server = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Trim());
        var id = ItemJson.NewId();

        await using var process = SyndicatorProcess.Start(
            ["serve", "--urls", server.ToString(), "--postgres", database, "--sandbox", sandbox.BaseAddress.ToString()]);
        await process.WaitUntilAnswersAsync(new Uri(server, "health/ready"), TimeSpan.FromSeconds(30));
        (await http.PostAsJsonAsync("api/items", ItemJson.Make(id))).EnsureSuccessStatusCode();
        await WaitAsync(async () =>
            (await http.GetFromJsonAsync<JsonElement>($"api/items/{id}")).GetProperty("status").GetString() == "delivered", process);

        var article = Assert.Single(await sandbox.Control.GetArticlesAsync("bureau"), a => !a.Deleted);
        Assert.Equal($"关于{id}的通知", article.Title);
    }

    [Fact]
    public async Task KeysCreate_PostgresUnreachable_Exits1NamingTheStoreWithoutThePassword()
    {
        var unreachable = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=none;Username=u;Password=s3cret-value;Timeout=3";

        var (code, stdout, stderr) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "test", "--scope", "read", "--postgres", unreachable], TimeSpan.FromMinutes(1));

        Assert.Equal(1, code);
        Assert.Empty(stdout.Trim());
        Assert.Contains("Cannot reach the store", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", stderr, StringComparison.Ordinal);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, SyndicatorProcess process)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            Assert.False(process.HasExited, "syndicator exited:\n" + process.Output);
            await Task.Delay(50);
        }

        Assert.Fail("The condition never held. Output:\n" + process.Output);
    }
}
