using System.Diagnostics;
using Syndicator.Testing.Processes;

namespace Syndicator.Testing.Postgres;

/// <summary>Runs a command to completion, as another system user when asked; a non-zero exit throws with its output.</summary>
internal static class ProcessRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(string? asUser, string file, params string[] args)
    {
        var start = new ProcessStartInfo();

        // As root, PostgreSQL refuses to run: runuser switches to the service account without asking for a password.
        if (asUser is not null)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", asUser, "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = file;
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var (exit, stdout, stderr) = await ProcessRun.RunAsync(start, null, Timeout);
        if (exit != 0)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(file)} {string.Join(' ', args)}' exited with {exit}:\n{stdout}\n{stderr}");
        }
    }
}
