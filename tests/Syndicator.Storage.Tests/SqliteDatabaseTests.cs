using Dapper;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Tests;

/// <summary>What only SQLite has: the file's settings, the journal and the claim query's plan.</summary>
public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private ComposedStore _store = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory.Path);
        _database = new SqliteDatabase($"Data Source={Path.Combine(_directory.Path, "t.db")}");
        _store = ComposedStore.Over(_database);
        await _store.Lifecycle.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every connection of the store — the writer and each reader, all held at once so that they are distinct — has
    /// the file in WAL, waits for the write lock, enforces foreign keys, syncs the log at each commit (2 = FULL: a
    /// commit that returned — an item answered 202, a checkpoint before a send — is on disk) and has the configured
    /// page cache (negative: KiB).
    /// </summary>
    [Fact]
    public async Task EveryConnection_AfterMigrate_WalBusyTimeoutForeignKeysFullSyncAndCacheSize()
    {
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = 0;
        var reads = Enumerable.Range(0, _database.Readers).Select(_ => _database.ReadAsync(async s =>
        {
            var settings = await Settings(s);
            if (Interlocked.Increment(ref holding) == _database.Readers)
            {
                all.SetResult();
            }

            await all.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return settings;
        }, CancellationToken.None)).ToList();
        var seen = (await Task.WhenAll(reads)).Append(await _database.WriteAsync(Settings, CancellationToken.None)).ToList();

        Assert.Equal(1 + SqliteConnectionSettings.Default.Readers, seen.Count);
        Assert.All(seen, s => Assert.Equal(("wal", 5000L, 1L, 2L, -(long)SqliteConnectionSettings.Default.CacheKiB), s));
        Assert.Equal(1 + _database.Readers, _database.ConnectionsOpened);
    }

    private static async Task<(string, long, long, long, long)> Settings(SqliteSession s) =>
        ((await Pragma<string>(s, "journal_mode"))!, await Pragma<long>(s, "busy_timeout"), await Pragma<long>(s, "foreign_keys"),
            await Pragma<long>(s, "synchronous"), await Pragma<long>(s, "cache_size"));

    private static Task<T?> Pragma<T>(SqliteSession s, string name) =>
        s.Raw.Connection.ExecuteScalarAsync<T>($"PRAGMA {name};", transaction: s.Raw.Transaction);

    /// <summary>
    /// Writes that wait together are committed together, each in its own savepoint: the one that fails is undone and
    /// fails alone, every other one is committed and answered.
    /// </summary>
    [Fact]
    public async Task WriteAsync_ManyAtOnceOneFailing_OnlyThatOneUndone()
    {
        await _database.WriteAsync(s => s.Raw.Connection.ExecuteAsync("CREATE TABLE scratch (n INTEGER NOT NULL);", transaction: s.Raw.Transaction), CancellationToken.None);
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first write holds the gate while the others queue behind it, so they meet in one batch.
        var first = _database.WriteAsync(async s =>
        {
            await hold.Task;
            return await Insert(s, 0);
        }, CancellationToken.None);
        var rest = Enumerable.Range(1, 30).Select(n => _database.WriteAsync(async s =>
        {
            var inserted = await Insert(s, n);
            return n == 7 ? throw new InvalidOperationException("write 7 fails after its insert") : inserted;
        }, CancellationToken.None)).ToList();
        hold.SetResult();

        await first;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => rest[6]);
        Assert.Equal("write 7 fails after its insert", failure.Message);
        foreach (var write in rest.Where((_, i) => i != 6))
        {
            await write;
        }

        var stored = await _database.ReadAsync(s => s.Raw.Connection.QueryAsync<long>("SELECT n FROM scratch ORDER BY n;", transaction: s.Raw.Transaction), CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, 31).Where(n => n != 7).Select(n => (long)n), stored);
    }

    private static Task<int> Insert(SqliteSession session, int n) =>
        session.Raw.Connection.ExecuteAsync("INSERT INTO scratch (n) VALUES (@n);", new { n }, session.Raw.Transaction);

    private static Task<long> Synchronous(SqliteSession session) =>
        session.Raw.Connection.ExecuteScalarAsync<long>("PRAGMA synchronous;", transaction: session.Raw.Transaction);

    [Fact]
    public async Task MigrateAsync_EmbeddedScripts_JournaledOnceEach()
    {
        await _store.Lifecycle.MigrateAsync(CancellationToken.None);

        var scripts = await _database.ReadAsync(
            s => s.Raw.Connection.QueryAsync<string>("SELECT ScriptName FROM schema_versions;", transaction: s.Raw.Transaction),
            CancellationToken.None);

        Assert.Equal(
            [
                "Syndicator.Storage.Sql.Sqlite.Migrations.0001_initial.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0002_retry_base.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0003_channel_state.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0004_index_numbers.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0005_crashes.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0006_health_checks.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0007_compliance.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0008_tracking.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0009_users.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0010_access.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0011_data_protection.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0012_hot_plans.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0013_takeovers_first.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0014_board.sql",
                "Syndicator.Storage.Sql.Sqlite.Migrations.0015_events.sql",
            ],
            scripts);
    }

    [Fact]
    public async Task ClaimQuery_Plan_UsesTheQueueIndex()
    {
        var plan = await _database.ReadAsync(s => s.Raw.Connection.QueryAsync(
            "EXPLAIN QUERY PLAN " + SqliteDatabase.Sql["Leases.Claim"],
            new { channel = "c", owner = "o", max = 1, now = 0L, expiresAt = 1L },
            s.Raw.Transaction), CancellationToken.None);

        Assert.Contains(plan, step => ((string)step.detail).Contains("ix_deliveries_due", StringComparison.Ordinal));
    }
}
