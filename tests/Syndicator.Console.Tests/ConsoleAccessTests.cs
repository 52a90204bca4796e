using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.WebConsole;

namespace Syndicator.Console.Tests;

/// <summary>
/// Access that can be taken back, over real HTTP: one refusal message for every failed sign-in, lock-out per (account,
/// client address), sign-out and disable ending copies of the cookie.
/// </summary>
public sealed class ConsoleAccessTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private const string Refused = "登录失败：用户名或密码不正确，或该账户暂时无法登录";
    private static readonly IPAddress Elsewhere = IPAddress.Parse("127.0.0.2");
    private readonly ConsoleHarness _service = fixture.Service;

    private IUserStore Users => _service.App.Services.GetRequiredService<IUserStore>();

    [Fact]
    public async Task SignIn_UnknownWrongLockedOrDisabled_OneAndTheSameMessage()
    {
        var (locked, lockedPassword) = await _service.AddUserAsync(ConsoleRoles.Operator);
        var (disabled, disabledPassword) = await _service.AddUserAsync(ConsoleRoles.Operator);
        await _service.App.Services.GetRequiredService<Accounts>().DisableAsync(disabled, "test", CancellationToken.None);
        using var client = new ConsoleClient(_service.BaseAddress);
        for (var i = 0; i < 10; i++)
        {
            (await client.SignInAsync(locked, "wrong-password-" + i)).Dispose();
        }

        var pages = new List<string>();
        foreach (var (name, password) in new[] { ("nobody-" + Guid.NewGuid().ToString("N")[..6], "whatever-password"), (disabled, "wrong-password"),
                     (locked, lockedPassword), (disabled, disabledPassword) })
        {
            using var response = await client.SignInAsync(name, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            pages.Add(html[html.IndexOf("role=\"alert\"", StringComparison.Ordinal)..html.IndexOf("</p>", StringComparison.Ordinal)]);
        }

        Assert.All(pages, p => Assert.Contains(Refused, p, StringComparison.Ordinal));
        Assert.Single(pages.Distinct());
    }

    [Fact]
    public async Task SignIn_LockedOutFromOneAddress_OwnerSignsInFromAnother()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.Admin);
        using var guesser = new ConsoleClient(_service.BaseAddress, Elsewhere);
        for (var i = 0; i < 10; i++)
        {
            (await guesser.SignInAsync(name, "wrong-password-" + i)).Dispose();
        }

        using var guessed = await guesser.SignInAsync(name, password);
        using var owner = new ConsoleClient(_service.BaseAddress);
        using var signedIn = await owner.SignInAsync(name, password);

        Assert.Equal(HttpStatusCode.OK, guessed.StatusCode);
        Assert.Contains(Refused, await guessed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True((await Users.FindFailuresAsync(name, "127.0.0.2", CancellationToken.None))!.IsLockedAt(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task SignOut_CopiedCookie_NoLongerSignedIn()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();
        using var copy = CopyOf(client);
        using (var before = await copy.GetAsync(""))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        (await client.PostAsync("signout", [], "")).Dispose();
        using var after = await copy.GetAsync("");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_SignedInAccount_ItsCookieRefusedAtOnce()
    {
        var (name, password) = await _service.AddUserAsync(ConsoleRoles.Operator);
        using var client = new ConsoleClient(_service.BaseAddress);
        (await client.SignInAsync(name, password)).Dispose();
        using var copy = CopyOf(client);

        await _service.App.Services.GetRequiredService<Accounts>().DisableAsync(name, "test", CancellationToken.None);
        using var page = await copy.GetAsync("");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>A second client that sends <paramref name="client"/>'s cookies as they are now, as a thief would.</summary>
    internal static HttpClient CopyOf(ConsoleClient client, Uri? baseAddress = null)
    {
        var address = baseAddress ?? client.BaseAddress;
        var copy = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        copy.DefaultRequestHeaders.Add("Cookie", client.Cookies.GetCookieHeader(address));
        return copy;
    }
}
