using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Host.Cli;
using Syndicator.Testing;

namespace Syndicator.Host.Tests;

/// <summary>
/// As an operator would run it: <c>syndicator sandbox</c> in one process, <c>syndicator serve</c> pointed at it in
/// another, and the client verbs against the service.
/// </summary>
public sealed class CliClientTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ClientVerbs_AgainstServeAndSandboxProcesses_SubmitRepublishWithdrawAndCheck()
    {
        var sandboxUrl = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        await using var sandbox = SyndicatorProcess.Start(["sandbox", "--urls", sandboxUrl.ToString()]);
        await sandbox.WaitUntilAnswersAsync(new Uri(sandboxUrl, "_sandbox/bureau/stats"), TimeSpan.FromSeconds(30));
        var data = Path.Combine(Path.GetTempPath(), "syndicator-cli-" + Guid.NewGuid().ToString("N"));
        var (_, key, _) = await SyndicatorProcess.RunAsync(["keys", "create", "--name", "operator", "--scope", "submit", "operate", "read", "--data", data], Minute);
        var server = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        await using var serve = SyndicatorProcess.Start(["serve", "--urls", server.ToString(), "--data", data, "--sandbox", sandboxUrl.ToString()]);
        await serve.WaitUntilAnswersAsync(new Uri(server, "health/ready"), TimeSpan.FromSeconds(30));
        string[] client = ["--server", server.ToString(), "--api-key", key.Trim()];

        var submit = await SyndicatorProcess.RunAsync(["submit", Path.Combine(AppContext.BaseDirectory, "samples", "04-work.json"), .. client], Minute);
        Assert.True(submit.ExitCode == 0, submit.StdErr);
        Assert.Contains("txsl-2026-0042", submit.StdOut, StringComparison.Ordinal);
        await UntilStatusShowsAsync("delivered", client);

        var republish = await SyndicatorProcess.RunAsync(["republish", "txsl-2026-0042", "--channel", "bureau", "--reason", "页面被误改", .. client], Minute);
        Assert.True(republish.ExitCode == 0, republish.StdErr);
        var check = await SyndicatorProcess.RunAsync(["channels", "check", "bureau", .. client], Minute);
        Assert.True(check.ExitCode == 0, check.StdOut + check.StdErr);
        Assert.Contains("healthy", check.StdOut, StringComparison.Ordinal);
        await UntilStatusShowsAsync("delivered", client);

        var noColumn = await SyndicatorProcess.RunAsync(["channels", "verify", "approval", "--live", .. client], Minute);
        Assert.Equal(2, noColumn.ExitCode);
        Assert.Contains("--column", noColumn.StdErr, StringComparison.Ordinal);
        var verify = await SyndicatorProcess.RunAsync(["channels", "verify", "approval", "--live", "--column", "102", .. client], Minute);
        Assert.True(verify.ExitCode == 0, verify.StdOut + verify.StdErr);
        Assert.Contains("withdraw", verify.StdOut, StringComparison.Ordinal);
        Assert.Contains("Verdict: passed", verify.StdOut, StringComparison.Ordinal);

        var withdraw = await SyndicatorProcess.RunAsync(["withdraw", "txsl-2026-0042", "--reason", "信息有误", .. client], Minute);
        Assert.True(withdraw.ExitCode == 0, withdraw.StdErr);
        await UntilStatusShowsAsync("withdrawn", client);
        var retry = await SyndicatorProcess.RunAsync(["retry", "--failed", "--dry-run", .. client], Minute);
        Assert.Contains("Would retry 0 deliveries", retry.StdOut, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = sandboxUrl };
        var articles = await http.GetFromJsonAsync<JsonElement>("_sandbox/bureau/articles");
        var article = Assert.Single(articles.EnumerateArray());
        Assert.True(article.GetProperty("deleted").GetBoolean());
        Assert.Equal("关于做好2026年汛期安全工作的通知", article.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Status_UnknownItem_Exits1WithTheProblemOnStandardError()
    {
        await using var service = await ServiceHarness.StartAsync();
        var key = await KeyAsync(service);

        var (code, _, stderr) = await SyndicatorProcess.RunAsync(["status", "no-such-item", "--server", service.BaseAddress.ToString(), "--api-key", key], Minute);

        Assert.Equal(1, code);
        Assert.Contains("404", stderr, StringComparison.Ordinal);
    }

    private static Task<string> KeyAsync(ServiceHarness service) =>
        KeysCommand.CreateAsync(
            service.App.Services.GetRequiredService<IKeyStore>(), service.App.Services.GetRequiredService<IAuditLog>(),
            "cli", ["read"], TimeProvider.System, CancellationToken.None);

    private static async Task UntilStatusShowsAsync(string itemStatus, string[] client)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        var last = "";
        while (DateTimeOffset.UtcNow < deadline)
        {
            var (code, stdout, stderr) = await SyndicatorProcess.RunAsync(["status", "txsl-2026-0042", .. client], Minute);
            last = stdout + stderr;
            if (code == 0 && stdout.Contains($"— {itemStatus}", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"status never showed '{itemStatus}'. Last:\n{last}");
    }
}
