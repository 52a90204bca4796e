using System.Diagnostics;
using System.Text;
using Xunit;

namespace Syndicator.Testing.Processes;

/// <summary>The real <c>syndicator</c> executable in a child process, as an operator or CI runs it.</summary>
public sealed class SyndicatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SyndicatorProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id (part of the owner name the process puts on its leases).</summary>
    public int Id => _process.Id;

    public static SyndicatorProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(args);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new SyndicatorProcess(Process.Start(info)!);
    }

    /// <summary>Runs a verb to its end: exit code, standard output, standard error.</summary>
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(IEnumerable<string> args, TimeSpan timeout) =>
        RunAsync(args, null, timeout);

    /// <summary>Runs a verb to its end with <paramref name="stdin"/> as its standard input (a password, as a script pipes it).</summary>
    public static Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(IEnumerable<string> args, string? stdin, TimeSpan timeout) =>
        ProcessRun.RunAsync(StartInfo(args), stdin is null ? null : Encoding.UTF8.GetBytes(stdin), timeout);

    /// <summary><c>dotnet syndicator.dll ARGS</c> from the test's output folder, where the build copies the executable.</summary>
    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "syndicator.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    /// <summary>SIGKILL: no shutdown, no grace, leases left as they were.</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    /// <summary>The exit code once the process has ended.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// SIGTERM, as systemd or a container runtime stops the service, then waits for the process to end; returns how
    /// long it took. Fails with the output when it is still running after <paramref name="timeout"/>.
    /// </summary>
    public async Task<TimeSpan> TerminateAsync(TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The process was still running {timeout} after SIGTERM. Output:\n{Output}");
        }

        return started.Elapsed;
    }

    /// <summary>Waits until <paramref name="url"/> answers 2xx; fails with the process output after the deadline.</summary>
    public async Task WaitUntilAnswersAsync(Uri url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
        }

        Assert.Fail($"{url} did not answer. Output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
