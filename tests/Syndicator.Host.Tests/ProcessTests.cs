using Syndicator.Testing;

namespace Syndicator.Host.Tests;

/// <summary>The executable itself: keys, configuration errors, the demo (crashes mid-run: the reliability suite).</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task KeysCreate_PrintsTheKeyAloneOnStandardOutput()
    {
        var data = TempFolder();

        var (code, stdout, _) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "approval-system", "--scope", "submit", "read", "--data", data], TimeSpan.FromMinutes(1));

        Assert.Equal(0, code);
        var line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sk_", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_MissingChannelCredentials_Exits2NamingTheKey()
    {
        var (code, _, stderr) = await SyndicatorProcess.RunAsync(
            ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--data", TempFolder()], TimeSpan.FromMinutes(1));

        Assert.Equal(2, code);
        Assert.Contains("Channels:bureau:ApiKey", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownVerbOption_Exits2()
    {
        var (code, _, stderr) = await SyndicatorProcess.RunAsync(["status"], TimeSpan.FromMinutes(1));

        Assert.Equal(2, code);
        Assert.NotEmpty(stderr);
    }

    [Fact]
    public async Task Demo_Once_ExitsZeroWithEverySampleOnEveryChannelItIsRoutedToOnce()
    {
        var (code, stdout, stderr) = await SyndicatorProcess.RunAsync(["demo", "--once"], TimeSpan.FromMinutes(3));

        Assert.True(code == 0, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Contains("bureau: the platform holds 7 articles for 7 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("portal: the platform holds 7 articles for 7 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("approval: the platform holds 2 articles for 2 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("wechat: the platform holds 3 articles for 3 items: each exactly once.", stdout, StringComparison.Ordinal);
        Assert.Contains("Where to look:", stdout, StringComparison.Ordinal);
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "syndicator-proc-" + Guid.NewGuid().ToString("N"));
}
