using System.Diagnostics;
using Syndicator.Testing.Processes;

namespace Syndicator.Channels.Webhook.Tests;

/// <summary>
/// docs/events/VerifyEvent.java compiled with <c>javac</c> in a temporary directory, and run with <c>java</c> as the
/// page says: the secret in WEBHOOK_SECRET, the three headers as arguments, the body on standard input. Every run is
/// bounded in time; the directory is removed afterwards.
/// </summary>
public sealed class JavaVerifier : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "syndicator-verify-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "DocsEvents", "VerifyEvent.java"), Path.Combine(_directory, "VerifyEvent.java"));
        var (exit, output) = await RunAsync("javac", ["-d", "classes", "VerifyEvent.java"], null, []);
        if (exit != 0)
        {
            throw new InvalidOperationException($"javac failed ({exit}): {output}");
        }
    }

    /// <summary>Runs the verifier on an event as received; its exit code and what it printed.</summary>
    public Task<(int Exit, string Output)> VerifyAsync(string secret, string? id, string? timestamp, string? signature, byte[] body) =>
        RunAsync("java", ["-cp", "classes", "VerifyEvent", id ?? "", timestamp ?? "", signature ?? ""], secret, body);

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int, string)> RunAsync(string file, string[] args, string? secret, byte[] input)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = _directory };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        if (secret is not null)
        {
            start.Environment["WEBHOOK_SECRET"] = secret;
        }

        var (exit, stdout, stderr) = await ProcessRun.RunAsync(start, input, Timeout);
        return (exit, stdout.Trim() + stderr.Trim());
    }
}
