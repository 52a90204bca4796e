using System.Diagnostics;

namespace Syndicator.Testing.Processes;

/// <summary>
/// Runs a command to its end: its output read while it runs, <c>stdin</c> written to it (then closed), and a time
/// bound after which the process tree is killed and the run fails.
/// </summary>
public static class ProcessRun
{
    /// <summary>The exit code and what the process wrote, once it has ended.</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(ProcessStartInfo start, byte[]? stdin, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = stdin is not null;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start '{start.FileName}'.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var bound = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Path.GetFileName(start.FileName)} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
