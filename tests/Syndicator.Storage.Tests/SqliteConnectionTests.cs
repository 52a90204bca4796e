using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;
using Syndicator.Testing;

namespace Syndicator.Storage.Tests;

/// <summary>The store's long-lived connections: bounded, prepared once, replaced when broken, closed with the store.</summary>
public sealed class SqliteConnectionTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();
    private readonly List<ComposedStore> _stores = [];

    private string File => Path.Combine(_directory.Path, "t.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory.Path);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _stores.ForEach(s => s.Dispose());
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ManyCallers_MixedReadsAndWrites_OpenOnlyTheWriterAndTheReaders()
    {
        var (database, store) = await OpenAsync(new SqliteConnectionSettings(4, 1024));
        var next = 0;

        // 32 callers share 2,000 operations: every fourth accepts an item, the others read an item and a channel's counts.
        var callers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) is var n && n <= 2000)
            {
                if (n % 4 == 0)
                {
                    await store.Items.AcceptAsync(Some.Item(channels: ["bureau", "wechat"]), "tester", null, CancellationToken.None);
                }
                else
                {
                    await store.Items.GetAsync(Some.ItemId(), CancellationToken.None);
                    await store.Deliveries.CountAsync("bureau", CancellationToken.None);
                }
            }
        })).ToList();
        await Task.WhenAll(callers);

        Assert.Equal(500, (await store.Deliveries.CountAsync("bureau", CancellationToken.None)).Pending);
        Assert.InRange(database.ConnectionsOpened, 2, 1 + 4);
    }

    /// <summary>A script run in two transactions runs on the same prepared statement: it stays prepared on its connection in between.</summary>
    [Fact]
    public async Task SameScript_TwoWrites_RunOnOneStatementPreparedOnce()
    {
        var (database, _) = await OpenAsync(SqliteConnectionSettings.Default, c => c.Handle!.enable_sqlite3_next_stmt(true));

        var first = await database.WriteAsync(s => PingStatementAsync(s), CancellationToken.None);
        var second = await database.WriteAsync(s => PingStatementAsync(s), CancellationToken.None);

        Assert.NotEqual(IntPtr.Zero, first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Reader_FailsWithDiskError_IsReplacedNotReused()
    {
        var (database, _) = await OpenAsync(new SqliteConnectionSettings(1, 1024));
        var broken = await database.ReadAsync(s => Task.FromResult(s.Raw.Connection), CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(() => database.ReadAsync<long>(
            s => s.Raw.Connection == broken ? throw new SqliteException("disk I/O error", 10) : throw new InvalidOperationException("another reader"),
            CancellationToken.None));
        var after = await database.ReadAsync(async s => (s.Raw.Connection, await s.ScalarAsync<long>("Connection.Ping")), CancellationToken.None);

        Assert.NotSame(broken, after.Connection);
        Assert.Equal(1, after.Item2);
        Assert.Equal(System.Data.ConnectionState.Closed, broken.State);
    }

    [Fact]
    public async Task Reader_ClosedUnderneath_IsReplacedNotReused()
    {
        var (database, _) = await OpenAsync(new SqliteConnectionSettings(1, 1024));
        var closed = await database.ReadAsync(s =>
        {
            s.Raw.Connection.Close();
            return Task.FromResult(s.Raw.Connection);
        }, CancellationToken.None);

        var after = await database.ReadAsync(async s => (s.Raw.Connection, await s.ScalarAsync<long>("Connection.Ping")), CancellationToken.None);

        Assert.NotSame(closed, after.Connection);
        Assert.Equal(1, after.Item2);
    }

    [Fact]
    public async Task Writer_FailsWithDiskError_IsReplacedAndTheNextWriteCommits()
    {
        var (database, store) = await OpenAsync(SqliteConnectionSettings.Default);
        var broken = await database.WriteAsync(s => Task.FromResult(s.Raw.Connection), CancellationToken.None);

        await Assert.ThrowsAsync<SqliteException>(() => database.WriteAsync<long>(_ => throw new SqliteException("disk I/O error", 10), CancellationToken.None));
        var item = Some.Item();
        var outcome = await store.Items.AcceptAsync(item, "tester", null, CancellationToken.None);
        var writer = await database.WriteAsync(s => Task.FromResult(s.Raw.Connection), CancellationToken.None);

        Assert.Equal(AcceptKind.Accepted, outcome.Kind);
        Assert.NotNull(await store.Items.GetAsync(item.Id, CancellationToken.None));
        Assert.NotSame(broken, writer);
        Assert.Equal(System.Data.ConnectionState.Closed, broken.State);
    }

    /// <summary>Another process on the same file (the CLI beside a running service) writes and reads while the service's connections stay open.</summary>
    [Fact]
    public async Task SecondStoreOnTheFile_WritesBesideTheOpenConnections_EachSeesTheOther()
    {
        var (_, service) = await OpenAsync(SqliteConnectionSettings.Default);
        var first = Some.Item();
        await service.Items.AcceptAsync(first, "service", null, CancellationToken.None);
        await service.Items.GetAsync(first.Id, CancellationToken.None);

        var (_, cli) = await OpenAsync(SqliteConnectionSettings.Default);
        var second = Some.Item();
        var outcome = await cli.Items.AcceptAsync(second, "cli", null, CancellationToken.None);
        await service.Items.AcceptAsync(Some.Item(), "service", null, CancellationToken.None);

        Assert.Equal(AcceptKind.Accepted, outcome.Kind);
        Assert.NotNull(await service.Items.GetAsync(second.Id, CancellationToken.None));
        Assert.NotNull(await cli.Items.GetAsync(first.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Dispose_ClosesEveryConnectionOnTheFile()
    {
        var (_, store) = await OpenAsync(new SqliteConnectionSettings(4, 1024));
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => store.Deliveries.CountAsync("bureau", CancellationToken.None)));
        await store.Items.AcceptAsync(Some.Item(), "tester", null, CancellationToken.None);
        var open = OpenHandlesOnTheFile();

        store.Dispose();

        Assert.True(open > 0);
        Assert.Equal(0, OpenHandlesOnTheFile());
    }

    /// <summary>
    /// The store as the host composes it: one aggregate per interface, all over the provider's one database — so after
    /// each interface has done its work, disposing that one database lets go of the file.
    /// </summary>
    [Fact]
    public async Task AddSyndicatorStorage_EveryInterfaceUsed_AllWorkOnTheOneDatabase()
    {
        var ct = CancellationToken.None;
        await using var provider = new ServiceCollection()
            .AddSyndicatorStorage(new StorageOptions { ConnectionString = $"Data Source={File};Pooling=False", SqliteReaders = 1 })
            .BuildServiceProvider();
        await provider.GetRequiredService<IStoreLifecycle>().MigrateAsync(ct);
        var item = Some.Item(channels: ["bureau"]);

        await provider.GetRequiredService<IItemStore>().AcceptAsync(item, "tester", null, ct);
        await provider.GetRequiredService<IDeliveryStore>().CountAsync("bureau", ct);
        await provider.GetRequiredService<IKeyStore>().ListKeysAsync(ct);
        await provider.GetRequiredService<IAuditLog>().ListAsync(item.Id, 10, ct);
        await provider.GetRequiredService<IUserStore>().ListAsync(ct);
        await provider.GetRequiredService<ITrackingStore>().ListForItemAsync(item.Id, ct);
        await provider.GetRequiredService<IHealthCheckStore>().LatestAsync("bureau", ct);
        await provider.GetRequiredService<IDeliveryStatistics>().CountByChannelAndStatusAsync(ct);
        await provider.GetRequiredService<IComplianceStore>().GetComplianceAsync(item.Id, item.Revision, ct);
        await provider.GetRequiredService<IPublicationStatistics>().CountPublishedAsync(item.AcceptedAt, item.AcceptedAt, false, ct);
        await provider.GetRequiredService<IChannelStateStore>().TryPutAsync("bureau", "k", "v", null, 0, item.AcceptedAt, ct);
        await provider.GetRequiredService<IDataProtectionKeyStore>().ListKeyRingAsync(ct);
        Assert.True(await provider.GetRequiredService<IStoreLifecycle>().IsReadyAsync(ct));
        var open = OpenHandlesOnTheFile();

        provider.GetRequiredService<SqliteDatabase>().Dispose();

        Assert.True(open > 0);
        Assert.Equal(0, OpenHandlesOnTheFile());
    }

    /// <summary>Handles this process holds on the database file and its -wal and -shm files (Linux: /proc/self/fd).</summary>
    private int OpenHandlesOnTheFile() =>
        !OperatingSystem.IsLinux() ? (CanDelete() ? 0 : 1) : new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Count(fd => fd.LinkTarget is { } target && target.StartsWith(File, StringComparison.Ordinal));

    /// <summary>Elsewhere (Windows): a file held open cannot be deleted.</summary>
    private bool CanDelete()
    {
        try
        {
            System.IO.File.Copy(File, File + ".copy");
            System.IO.File.Delete(File);
            System.IO.File.Move(File + ".copy", File);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static Task<IntPtr> PingStatementAsync(SqliteSession session) =>
        session.ScalarAsync<long>("Connection.Ping").ContinueWith(_ =>
        {
            var db = session.Raw.Connection.Handle!;
            for (var stmt = SQLitePCL.raw.sqlite3_next_stmt(db, null); stmt is not null && !stmt.IsInvalid; stmt = SQLitePCL.raw.sqlite3_next_stmt(db, stmt))
            {
                if (SQLitePCL.raw.sqlite3_sql(stmt).utf8_to_string().Trim() == SqliteDatabase.Sql["Connection.Ping"].Trim())
                {
                    return stmt.DangerousGetHandle();
                }
            }

            return IntPtr.Zero;
        }, TaskScheduler.Default);

    private async Task<(SqliteDatabase Database, ComposedStore Store)> OpenAsync(SqliteConnectionSettings settings, Action<SqliteConnection>? opened = null)
    {
        var database = new SqliteDatabase($"Data Source={File}", settings) { Opened = opened };
        var store = ComposedStore.Over(database);
        _stores.Add(store);
        await store.Lifecycle.MigrateAsync(CancellationToken.None);
        return (database, store);
    }
}
