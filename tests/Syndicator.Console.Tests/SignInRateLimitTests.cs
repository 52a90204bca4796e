using System.Net;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>The per-address sign-in limit (Console:SignInsPerMinute), whatever the account.</summary>
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
}
