using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Hosting;
using Syndicator.Storage;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// Behind a proxy and in a cluster: forwarded headers only from known proxies, HSTS and Secure cookies for HTTPS,
/// AllowedHosts, one key ring in the store for every node and restart, secrets encrypted, the data files private.
/// </summary>
public sealed class DeploymentTests : IAsyncLifetime
{
    private const string PublicHost = "syndicator.example.gov.cn";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "syndicator-deploy-" + Guid.NewGuid().ToString("N"));
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task HttpsAtAKnownProxy_CookieSecureAndHsts_ForwardedHeadersFromAnyoneElseIgnored()
    {
        var app = await DeploymentHost.StartAsync(_data, _sandbox, new Dictionary<string, string?> { ["Api:KnownProxies:0"] = "127.0.0.1" });
        var (name, password) = await DeploymentHost.AddUserAsync(app);
        using (var signIn = await DeploymentHost.SignInAsync(DeploymentHost.Address(app), name, password, ViaTlsProxy))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains("secure", SetCookie(signIn, "syndicator.console="), StringComparison.OrdinalIgnoreCase);
            Assert.True(signIn.Headers.Contains("Strict-Transport-Security"));
        }

        await DeploymentHost.StopAsync(app);

        // The same request without a configured proxy: the header is anyone's word, and not taken.
        app = await DeploymentHost.StartAsync(_data, _sandbox);
        using (var signIn = await DeploymentHost.SignInAsync(DeploymentHost.Address(app), name, password, ViaTlsProxy))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.DoesNotContain("secure", SetCookie(signIn, "syndicator.console="), StringComparison.OrdinalIgnoreCase);
            Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
        }

        await DeploymentHost.StopAsync(app);
    }

    [Fact]
    public async Task AllowedHosts_Configured_AnotherHostNameRefused()
    {
        var app = await DeploymentHost.StartAsync(_data, _sandbox, new Dictionary<string, string?> { ["AllowedHosts"] = PublicHost });
        try
        {
            using var http = new HttpClient { BaseAddress = DeploymentHost.Address(app) };
            using var other = await http.GetAsync("health/live");
            using var named = new HttpRequestMessage(HttpMethod.Get, "health/live");
            named.Headers.Host = PublicHost;
            using var ours = await http.SendAsync(named);

            Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
            Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        }
        finally
        {
            await DeploymentHost.StopAsync(app);
        }
    }

    [Fact]
    public async Task ConsoleCookie_IssuedByOneNode_AcceptedByAnotherOnTheSameStoreAndAfterARestart()
    {
        var first = await DeploymentHost.StartAsync(_data, _sandbox);
        var second = await DeploymentHost.StartAsync(_data, _sandbox);
        var (name, password) = await DeploymentHost.AddUserAsync(first);
        using var signIn = await DeploymentHost.SignInAsync(DeploymentHost.Address(first), name, password);
        var cookie = DeploymentHost.ConsoleCookie(signIn);

        Assert.Equal(HttpStatusCode.OK, await DeploymentHost.ConsoleStatusAsync(DeploymentHost.Address(second), cookie));

        // The key that protects the cookie is in the store (the payload names its key id after a 4-byte header).
        var payload = WebEncoders.Base64UrlDecode(Uri.UnescapeDataString(cookie[(cookie.IndexOf('=', StringComparison.Ordinal) + 1)..]));
        var keyId = new Guid(payload.AsSpan(4, 16));
        var keys = await first.Services.GetRequiredService<IDataProtectionKeyStore>().ListKeyRingAsync(CancellationToken.None);
        Assert.Contains(keys, k => k.Contains($"id=\"{keyId}\"", StringComparison.Ordinal));

        await DeploymentHost.StopAsync(first);
        await DeploymentHost.StopAsync(second);
        var restarted = await DeploymentHost.StartAsync(_data, _sandbox);
        try
        {
            Assert.Equal(HttpStatusCode.OK, await DeploymentHost.ConsoleStatusAsync(DeploymentHost.Address(restarted), cookie));
            Assert.NotEqual(HttpStatusCode.OK, await DeploymentHost.ConsoleStatusAsync(DeploymentHost.Address(restarted), cookie[..^4] + "AAAA"));
        }
        finally
        {
            await DeploymentHost.StopAsync(restarted);
        }
    }

    [Fact]
    public async Task WeChatAccessToken_StoredEncrypted_ReadableByAnotherNode()
    {
        var app = await DeploymentHost.StartAsync(_data, _sandbox);
        var second = await DeploymentHost.StartAsync(_data, _sandbox);
        try
        {
            using (var check = await ClientWithOperate(app).PostAsync("api/channels/wechat/check", null))
            {
                Assert.True(check.IsSuccessStatusCode, await check.Content.ReadAsStringAsync());
            }

            var token = (await app.Services.GetRequiredService<IChannelStateStore>().GetAsync("wechat", "access_token", CancellationToken.None))?.Value;
            var stored = await StoredAsIsAsync("wechat", "access_token");
            var elsewhere = (await second.Services.GetRequiredService<IChannelStateStore>().GetAsync("wechat", "access_token", CancellationToken.None))?.Value;

            Assert.False(string.IsNullOrEmpty(token));
            Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
            Assert.StartsWith(ProtectedChannelState.Prefix, stored, StringComparison.Ordinal);
            Assert.Equal(token, elsewhere);
        }
        finally
        {
            await DeploymentHost.StopAsync(app);
            await DeploymentHost.StopAsync(second);
        }
    }

    [Fact]
    public async Task DataFiles_WorldReadableBefore_NarrowedAtStartUp()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_data);
        File.SetUnixFileMode(_data, (UnixFileMode)Convert.ToInt32("755", 8));
        var database = Path.Combine(_data, "syndicator.db");
        await File.WriteAllBytesAsync(database, []);
        File.SetUnixFileMode(database, (UnixFileMode)Convert.ToInt32("644", 8));

        var app = await DeploymentHost.StartAsync(_data, _sandbox);
        try
        {
            Assert.Equal("700", Octal(File.GetUnixFileMode(_data)));
            foreach (var file in Directory.GetFiles(_data, "syndicator.db*"))
            {
                Assert.True(Octal(File.GetUnixFileMode(file)) == "600", $"{file}: {Octal(File.GetUnixFileMode(file))}");
            }

            Assert.True(File.Exists(database + "-wal") || File.Exists(database + "-journal") || File.Exists(database));
        }
        finally
        {
            await DeploymentHost.StopAsync(app);
        }
    }

    [Fact]
    public async Task DataFiles_NewFolder_PrivateFromTheStart()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var app = await DeploymentHost.StartAsync(_data, _sandbox);
        try
        {
            Assert.Equal("700", Octal(File.GetUnixFileMode(_data)));
            var files = Directory.GetFiles(_data, "syndicator.db*");
            Assert.NotEmpty(files);
            foreach (var file in files)
            {
                Assert.Equal("600", Octal(File.GetUnixFileMode(file)));
            }
        }
        finally
        {
            await DeploymentHost.StopAsync(app);
        }
    }

    [Fact]
    public async Task Metrics_OpenByDefault_BehindAKeyWhenRequired()
    {
        var app = await DeploymentHost.StartAsync(_data, _sandbox);
        using (var open = await new HttpClient { BaseAddress = DeploymentHost.Address(app) }.GetAsync("metrics"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        await DeploymentHost.StopAsync(app);
        app = await DeploymentHost.StartAsync(_data, _sandbox, new Dictionary<string, string?> { ["Metrics:RequireKey"] = "true" });
        try
        {
            using var anonymous = await new HttpClient { BaseAddress = DeploymentHost.Address(app) }.GetAsync("metrics");
            using var withKey = await ClientWithScope(app, Auth.Scopes.Read).GetAsync("metrics");

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
            Assert.Contains("# TYPE", await withKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await DeploymentHost.StopAsync(app);
        }
    }

    [Fact]
    public void PlainHttpToAnotherHost_WithCredentials_Warned()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:portal:Connector"] = "jcms",
            ["Channels:portal:BaseUrl"] = "http://10.20.30.40/",
            ["Channels:portal:Password"] = "p",
            ["Channels:bureau:Connector"] = "sscms",
            ["Channels:bureau:BaseUrl"] = "http://127.0.0.1:8080/",
            ["Channels:bureau:ApiKey"] = "k",
            ["Channels:approval:Connector"] = "trswcm",
            ["Channels:approval:BaseUrl"] = "https://wcm.example.gov.cn/",
            ["Channels:approval:Password"] = "p",
            ["Channels:handoff:Connector"] = "handoff",
            ["Channels:handoff:BackOfficeUrl"] = "http://cms.example.gov.cn/",
        }).Build();

        var warnings = DeploymentWarnings.PlainHttp(Syndicator.Core.CoreServiceCollectionExtensions.ReadChannels(configuration)).ToList();

        var warning = Assert.Single(warnings);
        Assert.Equal("Channels:portal:BaseUrl", warning.Key);
        Assert.Equal("Channels:portal:Password", warning.Credentials);
    }

    private static void ViaTlsProxy(HttpRequestMessage request)
    {
        request.Headers.Host = PublicHost;
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
    }

    private static string SetCookie(HttpResponseMessage response, string prefix) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(prefix, StringComparison.Ordinal));

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8);

    private static HttpClient ClientWithOperate(Microsoft.AspNetCore.Builder.WebApplication app) => ClientWithScope(app, Auth.Scopes.Operate);

    private static HttpClient ClientWithScope(Microsoft.AspNetCore.Builder.WebApplication app, string scope)
    {
        var key = Cli.KeysCommand.CreateAsync(
            app.Services.GetRequiredService<IKeyStore>(), app.Services.GetRequiredService<IAuditLog>(), "test-" + scope, [scope], TimeProvider.System, CancellationToken.None)
            .GetAwaiter().GetResult();
        var client = new HttpClient { BaseAddress = DeploymentHost.Address(app) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A channel-state value as the store keeps it: read through the store alone, without the service's decryption around it.</summary>
    private async Task<string> StoredAsIsAsync(string channel, string key)
    {
        await using var store = new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { DataDirectory = _data })
            .BuildServiceProvider();
        return (await store.GetRequiredService<IChannelStateStore>().GetAsync(channel, key, CancellationToken.None))!.Value;
    }
}
