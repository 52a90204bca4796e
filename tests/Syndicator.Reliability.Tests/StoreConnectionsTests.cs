using System.Net;
using System.Net.Http.Headers;

namespace Syndicator.Reliability.Tests;

/// <summary>
/// The real service on SQLite keeps its bounded set of connections on the file under load, and the CLI — another
/// process — still writes to the same file while the service runs.
/// </summary>
public sealed class StoreConnectionsTests
{
    private const int Readers = 2;

    [Fact]
    public async Task Serve_UnderConcurrentLoad_HoldsAtMostWriterAndReadersOnTheFile_AndTheCliStillWrites()
    {
        await using var run = await ServiceRun.StartAsync(new Dictionary<string, string>
        {
            ["Syndicator__Storage__SqliteReaders"] = Readers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await run.AddNodeAsync();
        var ids = Enumerable.Range(0, 24).Select(_ => ServiceRun.Id()).ToList();

        // Submits and reads from 32 callers at once.
        using var api = run.Api;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async caller =>
        {
            foreach (var id in ids.Where((_, i) => i % 32 == caller))
            {
                await run.SubmitAsync([id], ["bureau"]);
            }

            for (var i = 0; i < 10; i++)
            {
                using var read = await api.GetAsync($"api/items/{ids[(caller + i) % ids.Count]}");
                Assert.True(read.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{(int)read.StatusCode}");
            }
        }));
        await run.WaitSettledAsync(ids, TimeSpan.FromSeconds(90), ["bureau"]);
        var held = HandlesOn(run.Node(0).Id, Database(run));

        var (code, key, stderr) = await SyndicatorProcess.RunAsync(
            ["keys", "create", "--name", "beside-serve", "--scope", "read", .. run.StoreArguments], TimeSpan.FromMinutes(1));
        using var withNewKey = run.Client(0);
        withNewKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Trim());
        using var answered = await withNewKey.GetAsync($"api/items/{ids[0]}");

        Assert.InRange(held, 1, 1 + Readers);
        Assert.True(code == 0, stderr);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    private static string Database(ServiceRun run) => Path.Combine(run.StoreArguments[1], "syndicator.db");

    /// <summary>File descriptors of process <paramref name="pid"/> open on <paramref name="file"/> itself (not its -wal or -shm).</summary>
    private static int HandlesOn(int pid, string file) =>
        new DirectoryInfo($"/proc/{pid}/fd").EnumerateFileSystemInfos().Count(fd => fd.LinkTarget == file);
}
