using Syndicator.Testing.Postgres;

namespace Syndicator.Bench.Service;

/// <summary>Where the service keeps its state for one run: a fresh SQLite folder, or a throwaway PostgreSQL cluster.</summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly PostgresCluster? _cluster;
    private readonly string? _directory;

    private StoreUnderTest(PostgresCluster? cluster, string? directory, IReadOnlyList<string> arguments, string name)
    {
        _cluster = cluster;
        _directory = directory;
        Arguments = arguments;
        Name = name;
    }

    /// <summary><c>--data DIR</c> or <c>--postgres CONNECTION</c>, for <c>serve</c> and <c>keys create</c>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public string Name { get; }

    public static async Task<StoreUnderTest> CreateAsync(bool postgres)
    {
        if (!postgres)
        {
            var directory = Path.Combine(Path.GetTempPath(), "syndicator-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            return new StoreUnderTest(null, directory, ["--data", directory], "SQLite");
        }

        var cluster = new PostgresCluster();
        await cluster.InitializeAsync();
        var connection = await cluster.CreateDatabaseAsync();
        return new StoreUnderTest(cluster, null, ["--postgres", connection], "PostgreSQL");
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
