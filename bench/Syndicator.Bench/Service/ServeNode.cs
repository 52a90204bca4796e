using System.Diagnostics;
using System.Text;

namespace Syndicator.Bench.Service;

/// <summary>
/// One real <c>syndicator</c> process (<c>dotnet syndicator.dll VERB …</c>, the executable the build copies beside the
/// bench). Its output is kept (the last lines) to explain a failure.
/// </summary>
internal sealed class ServeNode : IAsyncDisposable
{
    private const int KeptLines = 200;

    /// <summary>
    /// Where <c>syndicator.dll</c> is: <c>SYNDICATOR_BENCH_SERVE_DIR</c> when set (e.g. a ReadyToRun publish, see
    /// bench/run.sh), else the copy the build puts beside the bench.
    /// </summary>
    public static string Folder { get; } =
        Environment.GetEnvironmentVariable("SYNDICATOR_BENCH_SERVE_DIR") is { Length: > 0 } folder ? Path.GetFullPath(folder) : AppContext.BaseDirectory;

    /// <summary>How long a one-shot verb (<c>keys create</c>) may take.</summary>
    private static readonly TimeSpan VerbDeadline = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Stopwatch _started = Stopwatch.StartNew();

    private ServeNode(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>From the process's start until <c>/health/live</c> first answered 2xx.</summary>
    public TimeSpan LiveAfter { get; private set; }

    /// <summary>The CPU time the process had used when <c>/health/live</c> first answered (start-up's cost).</summary>
    public TimeSpan LiveCpu { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>CPU time (user + system) the process has used so far.</summary>
    public TimeSpan Cpu
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Peak resident memory so far (VmHWM), MB; 0 where /proc is not there.</summary>
    public double PeakRssMb => ReadStatusMb("VmHWM:");

    /// <summary>Resident memory now (VmRSS), MB.</summary>
    public double RssMb => ReadStatusMb("VmRSS:");

    private double ReadStatusMb(string field)
    {
        var path = $"/proc/{_process.Id}/status";
        if (_process.HasExited || !File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        var kb = line?[field.Length..].Trim().Split(' ')[0];
        return long.TryParse(kb, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value / 1024.0 : 0;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static ServeNode Start(Uri baseAddress, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var info = StartInfo(args);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new ServeNode(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress);
    }

    /// <summary>Runs a verb to its end and returns its standard output; throws with its error output when it fails.</summary>
    public static async Task<string> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var arguments = args.ToList();
        using var process = Process.Start(StartInfo(arguments)) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(VerbDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new BenchTimeoutException($"syndicator {arguments[0]} did not finish within {VerbDeadline.TotalSeconds:0} s.");
        }

        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"syndicator exited with {process.ExitCode}: {await stderr}");
    }

    /// <summary>Waits until <c>/health/live</c> answers.</summary>
    public async Task WaitUntilLiveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("health/live", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    LiveAfter = _started.Elapsed;
                    LiveCpu = Cpu;
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        }

        throw _process.HasExited
            ? new InvalidOperationException($"syndicator serve at {BaseAddress} exited with {_process.ExitCode} before it answered. Output:\n{Output}")
            : new BenchTimeoutException($"{BaseAddress}health/live did not answer 2xx within {timeout.TotalSeconds:0} s. Output:\n{Output}");
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

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Path.Combine(Folder, "syndicator.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        return info;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}
