using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Tests.Plans;

/// <summary>
/// SQLite's plan (<c>EXPLAIN QUERY PLAN</c>) of every hot statement against a backlog of 5,000 deliveries, on the
/// schema the migrations build. No ANALYZE, as in service: the plans must be right from the schema alone.
/// </summary>
public sealed class SqlitePlanTests(SqlitePlanTests.Backlog backlog) : IClassFixture<SqlitePlanTests.Backlog>
{
    [Theory]
    [MemberData(nameof(HotStatements.Data), MemberType = typeof(HotStatements))]
    public async Task Plan_HotStatement_UsesItsIndexAndScansNoTable(HotStatement statement)
    {
        var sql = SqliteDatabase.Sql[statement.Name];
        var args = PlanWorkload.Arguments(statement.Name, sql, ids => System.Text.Json.JsonSerializer.Serialize(ids));

        var steps = (await backlog.Connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>(
            "EXPLAIN QUERY PLAN " + sql, args)).Select(s => s.Detail).ToList();
        var plan = $"{statement.Name}:\n  {string.Join("\n  ", steps)}";

        var scans = steps.Where(s => IsTableScan(s, statement)).ToList();
        Assert.True(scans.Count == 0, $"{plan}\nscans a table: {string.Join("; ", scans)}");
        var foreign = steps.Where(s => UsesOtherQueueIndex(s, statement.Sqlite)).ToList();
        Assert.True(foreign.Count == 0, $"{plan}\nwalks deliveries on an index not its own: {string.Join("; ", foreign)}");
        foreach (var index in statement.Sqlite)
        {
            Assert.True(steps.Any(s => s.Contains(index, StringComparison.Ordinal)), $"{plan}\ndoes not use {index}");
        }
    }

    /// <summary>
    /// A SCAN of a table: always wrong on deliveries (the queue); elsewhere wrong unless the statement walks one of
    /// its own indexes in order up to its LIMIT. SCANs of a constant row, a subquery's rows or a JSON list are not tables.
    /// </summary>
    internal static bool IsTableScan(string step, HotStatement statement)
    {
        if (!step.StartsWith("SCAN ", StringComparison.Ordinal)
            || step.StartsWith("SCAN CONSTANT ROW", StringComparison.Ordinal)
            || step.StartsWith("SCAN (", StringComparison.Ordinal)
            || step.StartsWith("SCAN json_each", StringComparison.Ordinal))
        {
            return false;
        }

        return !(statement.OrderedWalk && statement.Sqlite.Any(i => step.Contains("USING INDEX " + i, StringComparison.Ordinal)
            && !i.StartsWith("ix_deliveries", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A step on one of deliveries' secondary indexes that is not the statement's: a probe on the wrong index is a walk
    /// of a whole channel (SupersedePending on the channel/status index walked every pending delivery of the channel).
    /// </summary>
    internal static bool UsesOtherQueueIndex(string step, string[] indexes)
    {
        var at = step.IndexOf("INDEX ix_deliveries_", StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var name = step[(at + "INDEX ".Length)..].Split(' ')[0];
        return !indexes.Contains(name, StringComparer.Ordinal);
    }

    /// <summary>A migrated SQLite store loaded with <see cref="PlanWorkload.Load"/>, shared by the class's tests.</summary>
    public sealed class Backlog : IAsyncLifetime
    {
        private readonly TempDirectory _directory = new();
        private ServiceProvider _services = null!;

        public SqliteConnection Connection { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _services = new ServiceCollection()
                .AddSyndicatorStorage(new StorageOptions { DataDirectory = _directory.Path })
                .BuildServiceProvider();
            await _services.GetRequiredService<IStoreLifecycle>().MigrateAsync(CancellationToken.None);
            Connection = new SqliteConnection(
                $"Data Source={Path.Combine(_directory.Path, StorageServiceCollectionExtensions.SqliteFileName)};Pooling=False");
            await Connection.OpenAsync();
            foreach (var load in PlanWorkload.Load)
            {
                await Connection.ExecuteAsync(load);
            }
        }

        public async Task DisposeAsync()
        {
            await Connection.DisposeAsync();
            await _services.DisposeAsync();
            _directory.Dispose();
        }
    }
}
