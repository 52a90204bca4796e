using System.Net;
using Syndicator.Testing;
using Syndicator.Testing.Sandbox;

namespace Syndicator.Host.Tests;

/// <summary>
/// Two <c>serve</c> processes on one store, each with its own home folder (as two machines or two containers have):
/// a console cookie one issues is accepted by the other and by it again after a restart, because the key ring is in
/// the store, not in a home folder.
/// </summary>
public sealed class SharedKeyRingProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "syndicator-keyring-" + Guid.NewGuid().ToString("N"));
    private SandboxServer _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await SandboxServer.StartAsync(portalTakesChanges: true);

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    [Fact]
    public async Task ConsoleCookie_FromOneProcess_AcceptedByAnotherWithItsOwnHomeAndAfterItsRestart()
    {
        var data = Path.Combine(_root, "data");
        var setup = await DeploymentHost.StartAsync(data, _sandbox);
        var (name, password) = await DeploymentHost.AddUserAsync(setup);
        await DeploymentHost.StopAsync(setup);

        var (first, firstUrl) = await StartNodeAsync(data, "home-a");
        var (second, secondUrl) = await StartNodeAsync(data, "home-b");
        await using (first)
        {
            using var signIn = await DeploymentHost.SignInAsync(firstUrl, name, password);
            var cookie = DeploymentHost.ConsoleCookie(signIn);
            Assert.Equal(HttpStatusCode.OK, await DeploymentHost.ConsoleStatusAsync(firstUrl, cookie));

            await using (second)
            {
                Assert.Equal(HttpStatusCode.OK, await DeploymentHost.ConsoleStatusAsync(secondUrl, cookie));
                await second.TerminateAsync(Minute);
            }

            var (restarted, restartedUrl) = await StartNodeAsync(data, "home-c");
            await using (restarted)
            {
                Assert.Equal(HttpStatusCode.OK, await DeploymentHost.ConsoleStatusAsync(restartedUrl, cookie));
            }
        }
    }

    private async Task<(SyndicatorProcess Process, Uri Address)> StartNodeAsync(string data, string home)
    {
        var address = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var homeFolder = Path.Combine(_root, home);
        Directory.CreateDirectory(homeFolder);
        var process = SyndicatorProcess.Start(
            ["serve", "--urls", address.ToString(), "--data", data, "--sandbox", _sandbox.BaseAddress.ToString()],
            new Dictionary<string, string> { ["HOME"] = homeFolder, ["Syndicator__Logging__LogLevel__Default"] = "Warning" });
        await process.WaitUntilAnswersAsync(new Uri(address, "health/ready"), Minute);
        return (process, address);
    }
}
