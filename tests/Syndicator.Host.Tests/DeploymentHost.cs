using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Host.Hosting;
using Syndicator.Host.WebConsole;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>The service started on a data folder the test chooses (several hosts may share one), and a console sign-in by hand.</summary>
internal static partial class DeploymentHost
{
    public static async Task<WebApplication> StartAsync(string data, SandboxServer sandbox, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data,
            Sandbox = sandbox.BaseAddress,
            Overrides = settings,
        });
        await app.StartAsync();
        return app;
    }

    public static Uri Address(WebApplication app) => new(app.Urls.First().TrimEnd('/') + "/");

    public static async Task StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>A new console account on <paramref name="app"/>'s store.</summary>
    public static async Task<(string Name, string Password)> AddUserAsync(WebApplication app)
    {
        var name = "op-" + Guid.NewGuid().ToString("N")[..8];
        var password = "pw-" + Guid.NewGuid().ToString("N");
        Assert.True(await app.Services.GetRequiredService<Accounts>().CreateAsync(name, ConsoleRoles.Operator, password, "test", CancellationToken.None));
        return (name, password);
    }

    /// <summary>Signs in through the sign-in form; the answer to the form post (its Set-Cookie holds the console cookie).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(Uri address, string name, string password, Action<HttpRequestMessage>? decorate = null)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        using var form = new HttpRequestMessage(HttpMethod.Get, "signin");
        decorate?.Invoke(form);
        using var page = await http.SendAsync(form);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No anti-forgery token on the sign-in page ({(int)page.StatusCode}).");
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : [];

        var post = new HttpRequestMessage(HttpMethod.Post, "signin")
        {
            Content = new FormUrlEncodedContent([
                new("name", name), new("password", password), new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        decorate?.Invoke(post);
        return await http.SendAsync(post);
    }

    /// <summary>The console cookie a sign-in answer set, as <c>name=value</c>.</summary>
    public static string ConsoleCookie(HttpResponseMessage signIn)
    {
        var set = signIn.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        var cookie = set.FirstOrDefault(c => c.StartsWith("syndicator.console=", StringComparison.Ordinal));
        Assert.True(cookie is not null, $"The sign-in set no console cookie ({(int)signIn.StatusCode}): {string.Join(" | ", set)}");
        return cookie.Split(';')[0];
    }

    /// <summary>The status of the console's start page with <paramref name="cookie"/>: 200 when signed in, a redirect to sign in when not.</summary>
    public static async Task<HttpStatusCode> ConsoleStatusAsync(Uri address, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
