using System.Diagnostics;
using Syndicator.Storage.Sqlite;
using Xunit.Abstractions;

namespace Syndicator.Storage.Tests;

/// <summary>What an item costs the SQLite store in statements and transactions, counted by SQLite's own trace.</summary>
public sealed class SqliteStatementCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Items = 100;

    private readonly TempDirectory _directory = new();
    private SqliteDatabase _database = null!;
    private ComposedStore _store = null!;
    private SqliteWorkload _workload = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory.Path);
        _database = new SqliteDatabase($"Data Source={Path.Combine(_directory.Path, "t.db")}");
        _store = ComposedStore.Over(_database);
        _workload = new SqliteWorkload(_database, _store);
        await _store.Lifecycle.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _store.Dispose();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Once the connections are open, accepting and delivering items runs no pragma at all (each connection's settings
    /// were applied once, when it opened) and opens no connection.
    /// </summary>
    [Fact]
    public async Task AcceptAndDeliver_AfterWarmUp_NoPragmaNoNewConnection()
    {
        await _workload.AcceptAsync(5);
        await _workload.DeliverAllAsync();
        var opened = _database.ConnectionsOpened;
        _workload.Reset();

        var clock = Stopwatch.StartNew();
        await _workload.AcceptAsync(Items);
        var accepting = clock.Elapsed;
        var accepted = _workload.Counted;
        _workload.Reset();
        var deliveries = await _workload.DeliverAllAsync();
        var delivered = _workload.Counted;

        output.WriteLine($"per accepted item: {accepted.Statements / (double)Items:F1} statements, {accepted.Transactions / (double)Items:F1} transactions, {accepted.Pragmas / (double)Items:F1} pragmas; {Items / accepting.TotalSeconds:F0} items/s");
        output.WriteLine($"per delivery: {delivered.Statements / (double)deliveries:F1} statements, {delivered.Transactions / (double)deliveries:F1} transactions, {delivered.Pragmas / (double)deliveries:F1} pragmas");
        output.WriteLine($"connections opened during the run: {_database.ConnectionsOpened - opened} (before it: {opened})");

        Assert.Equal(Items * 4, deliveries);
        Assert.Equal(0, accepted.Pragmas + delivered.Pragmas);
        Assert.Equal(opened, _database.ConnectionsOpened);
    }
}
