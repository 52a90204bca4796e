using System.Net;
using Syndicator.Host.WebConsole;
using Syndicator.Testing;

namespace Syndicator.Console.Tests;

/// <summary>The per-address sign-in limit (Console:SignInsPerMinute), whatever the account and the path's spelling.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task SignIn_MoreThanTheLimitInAMinute_TooManyRequests()
    {
        await using var service = await ConsoleHarness.StartAsync(new Dictionary<string, string?> { ["Console:SignInsPerMinute"] = "3" });
        var (name, password) = await service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(service.BaseAddress);
        for (var i = 0; i < 3; i++)
        {
            using var bad = await client.SignInAsync("nobody-" + i, "wrong-password");
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }

        using var limited = await client.SignInAsync(name, password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("登录尝试过于频繁", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/signin/")]
    [InlineData("/SignIn")]
    [InlineData("/SIGNIN/")]
    [InlineData("/signin/.")]
    [InlineData("/signin/./")]
    [InlineData("/x/../signin")]
    public async Task SignIn_OtherSpellingOfThePath_LimitedAlike(string path)
    {
        var statuses = await GuessFourTimesAsync(path);

        // The first three reach the sign-in page (the form again: 200); the fourth, with the right password, is braked.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignIn_DoubleSlash_NeverReachesThePage()
    {
        var statuses = await GuessFourTimesAsync("//signin");

        // Routing does not take //signin to the sign-in page: no password is ever checked there, braked or not.
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
    }

    /// <summary>Three wrong passwords and then the right one, posted to <paramref name="path"/> exactly as written.</summary>
    private static async Task<List<HttpStatusCode>> GuessFourTimesAsync(string path)
    {
        await using var service = await ConsoleHarness.StartAsync(new Dictionary<string, string?> { ["Console:SignInsPerMinute"] = "3" });
        var (name, password) = await service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(service.BaseAddress);
        var token = Uri.EscapeDataString(await client.TokenAsync("signin"));
        var cookies = client.Cookies.GetCookieHeader(service.BaseAddress);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var form = $"name={Uri.EscapeDataString(name)}&password={Uri.EscapeDataString(i == 3 ? password : "wrong-password-" + i)}&__RequestVerificationToken={token}";
            statuses.Add(await RawHttp.PostFormAsync(service.BaseAddress, path, form, cookies, TimeSpan.FromSeconds(30)));
        }

        return statuses;
    }
}
