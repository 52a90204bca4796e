using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Syndicator.Console.Tests;
using Syndicator.Testing;

namespace Syndicator.Reliability.Tests.Hostile;

/// <summary>One real <c>serve</c> process (and its sandbox) for the access tests, with a brake of 3 sign-ins a minute per address.</summary>
public sealed class AccessRun : IAsyncLifetime
{
    public ServiceRun Run { get; private set; } = null!;

    public Uri Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Run = await ServiceRun.StartAsync(new Dictionary<string, string>
        {
            ["Syndicator__Console__SignInsPerMinute"] = "3",
            ["Syndicator__Console__LockoutAttempts"] = "2",
        });
        await Run.AddNodeAsync();
        using var client = Run.Client(0);
        Server = client.BaseAddress!;
    }

    public async Task DisposeAsync() => await Run.DisposeAsync();
}

/// <summary>
/// Access that can be taken back, against the real process and the real CLI: the sign-in brake whatever the path's
/// spelling, a revoked key and a disabled account refused, lock-out per (account, address). Each test signs in from
/// its own loopback address (127.0.0.x), so that each has its own brake.
/// </summary>
public sealed class AccessTests(AccessRun fixture) : IClassFixture<AccessRun>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly ServiceRun _run = fixture.Run;
    private readonly Uri _server = fixture.Server;

    private Task<(int ExitCode, string StdOut, string StdErr)> CliAsync(string[] args, string? stdin = null) =>
        SyndicatorProcess.RunAsync([.. args, .. _run.StoreArguments], stdin, Minute);

    private async Task<(string Name, string Password)> AddUserAsync(string role)
    {
        var name = $"{role}-{Guid.NewGuid().ToString("N")[..8]}";
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var added = await CliAsync(["users", "add", name, "--role", role], password + "\n");
        Assert.True(added.ExitCode == 0, added.StdErr);
        return (name, password);
    }

    [Theory]
    [InlineData("/signin/", "127.0.0.11")]
    [InlineData("/SignIn", "127.0.0.12")]
    [InlineData("/signin/.", "127.0.0.13")]
    public async Task SignIn_AnySpellingOfThePath_BrakedAfterThreeAMinute(string path, string from)
    {
        var (name, password) = await AddUserAsync("operator");
        using var client = new ConsoleClient(_server, IPAddress.Parse(from));
        var token = Uri.EscapeDataString(await client.TokenAsync("signin"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var form = $"name={name}&password={Uri.EscapeDataString(i == 3 ? password : "wrong-" + i)}&__RequestVerificationToken={token}";
            statuses.Add(await RawHttp.PostFormAsync(_server, path, form, client.Cookies.GetCookieHeader(_server), Minute, IPAddress.Parse(from)));
        }

        // Wrong, wrong (locked out from here after LockoutAttempts=2), refused, and the fourth — right — braked.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task RevokedKey_CachedByTheService_RefusedWithinTheCacheLifetime()
    {
        var created = await CliAsync(["keys", "create", "--name", "revoke-me", "--scope", "read"]);
        using var api = new HttpClient { BaseAddress = _server };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.StdOut.Trim());
        using (var before = await api.GetAsync("api/channels"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = (await CliAsync(["keys", "list"])).StdOut.Split('\n').Single(l => l.Contains("\trevoke-me\t", StringComparison.Ordinal)).Split('\t')[0];
        var revoked = await CliAsync(["keys", "revoke", id]);
        Assert.True(revoked.ExitCode == 0, revoked.StdErr);
        var since = Stopwatch.StartNew();

        // The service last confirmed the key just before the revocation: it may honour it from memory for up to 30 s.
        await _run.WaitUntilAsync(async () =>
        {
            using var response = await api.GetAsync("api/channels");
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(60), "the revoked key is refused");

        Assert.True(since.Elapsed < TimeSpan.FromSeconds(30) + TimeSpan.FromSeconds(10), $"refused after {since.Elapsed}");
    }

    [Fact]
    public async Task DisabledAccount_SignedIn_CookieRefusedAtOnceAndSignInRefused()
    {
        var (name, password) = await AddUserAsync("operator");
        using var client = new ConsoleClient(_server, IPAddress.Parse("127.0.0.21"));
        using (var signedIn = await client.SignInAsync(name, password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using (var page = await client.GetAsync(""))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        var disabled = await CliAsync(["users", "disable", name]);
        Assert.True(disabled.ExitCode == 0, disabled.StdErr);
        using var after = await client.GetAsync("");
        using var again = await client.SignInAsync(name, password);

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("登录失败", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_CopiedCookie_RefusedAfterwards()
    {
        var (name, password) = await AddUserAsync("auditor");
        using var client = new ConsoleClient(_server, IPAddress.Parse("127.0.0.22"));
        (await client.SignInAsync(name, password)).Dispose();
        using var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _server };
        copy.DefaultRequestHeaders.Add("Cookie", client.Cookies.GetCookieHeader(_server));
        using (var before = await copy.GetAsync("audit"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        (await client.PostAsync("signout", [], "audit")).Dispose();
        using var after = await copy.GetAsync("audit");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task LockedOutFromOneAddress_OwnerFromAnotherSignsIn()
    {
        var (name, password) = await AddUserAsync("admin");
        using var guesser = new ConsoleClient(_server, IPAddress.Parse("127.0.0.31"));
        (await guesser.SignInAsync(name, "wrong-1")).Dispose();
        (await guesser.SignInAsync(name, "wrong-2")).Dispose();
        using var guessed = await guesser.SignInAsync(name, password);
        using var owner = new ConsoleClient(_server, IPAddress.Parse("127.0.0.32"));
        using var signedIn = await owner.SignInAsync(name, password);

        Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
        Assert.Contains("登录失败", await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var listed = await CliAsync(["users", "list"]);
        Assert.Matches($@"{name}\tadmin\tenabled\tlocked from 127\.0\.0\.31 until \S+\t", listed.StdOut);
    }
}
