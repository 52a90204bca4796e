using System.Net;

namespace Syndicator.Sandbox.Tests;

public sealed class SandboxApplicationTests
{
    [Fact]
    public async Task Create_OnPortZero_BindsAFreePortReadableFromUrls()
    {
        var options = new SandboxOptions();
        options.Urls.Clear();
        options.Urls.Add("http://127.0.0.1:0");
        await using var app = SandboxApplication.Create(options);

        await app.StartAsync();
        var address = new Uri(Assert.Single(app.Urls));
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync("bureau/api/ping");
        await app.StopAsync();

        Assert.NotEqual(0, address.Port);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Options_ByDefault_ListenOnPort5080WithTheSystemClock()
    {
        var options = new SandboxOptions();

        Assert.Equal(["http://127.0.0.1:5080"], options.Urls);
        Assert.Same(TimeProvider.System, options.TimeProvider);
    }
}
