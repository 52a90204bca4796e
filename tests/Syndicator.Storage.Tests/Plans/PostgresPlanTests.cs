using System.Text.Json;
using Dapper;
using Npgsql;
using Syndicator.Storage.Postgres;
using Syndicator.Testing.Postgres;

namespace Syndicator.Storage.Tests.Plans;

/// <summary>
/// PostgreSQL's plan (<c>EXPLAIN (FORMAT JSON)</c>) of every hot statement against a backlog of 5,000 deliveries,
/// and 6,250 events, after ANALYZE, so the planner chooses from real statistics (no <c>enable_seqscan = off</c>): a
/// sequential scan of deliveries, events or event_deliveries fails, and so does a plan that does not use the
/// statement's index.
/// </summary>
/// <remarks>
/// The backlog is loaded once for the class (a class fixture cannot take the shared cluster in xUnit 2, so the first
/// test builds it); its database goes with the throwaway cluster.
/// </remarks>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresPlanTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly SemaphoreSlim Loading = new(1, 1);
    private static string? s_database;
    private NpgsqlConnection _connection = null!;

    public async Task InitializeAsync()
    {
        await Loading.WaitAsync();
        try
        {
            s_database ??= await LoadAsync(cluster);
        }
        finally
        {
            Loading.Release();
        }

        _connection = new NpgsqlConnection(s_database);
        await _connection.OpenAsync();
    }

    public Task DisposeAsync() => _connection.DisposeAsync().AsTask();

    private static async Task<string> LoadAsync(PostgresCluster cluster)
    {
        var database = await cluster.CreateDatabaseAsync();
        var store = PostgresStoreTests.Open(database);
        await store.Lifecycle.MigrateAsync(CancellationToken.None);
        await store.DisposeAsync();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        foreach (var load in PlanWorkload.Load)
        {
            await connection.ExecuteAsync(load);
        }

        // Dapper would take a lone word for a stored procedure's name.
        await connection.ExecuteAsync("ANALYZE VERBOSE", commandType: System.Data.CommandType.Text);
        return database;
    }

    [Theory]
    [MemberData(nameof(HotStatements.Data), MemberType = typeof(HotStatements))]
    public async Task Plan_HotStatement_UsesItsIndexAndNoSeqScanOfDeliveries(HotStatement statement)
    {
        var sql = PostgresDatabase.Sql[statement.Name];
        var args = PlanWorkload.Arguments(statement.Name, sql, ids => ids);

        var json = await _connection.ExecuteScalarAsync<string>("EXPLAIN (FORMAT JSON) " + sql, args);
        using var document = JsonDocument.Parse(json!);
        var nodes = Nodes(document.RootElement[0].GetProperty("Plan")).ToList();
        var plan = $"{statement.Name}:\n  {string.Join("\n  ", nodes.Select(Describe))}";

        Assert.False(
            nodes.Any(n => Text(n, "Node Type") == "Seq Scan" && Text(n, "Relation Name") is "deliveries" or "events" or "event_deliveries"),
            $"{plan}\nscans a queue table (deliveries, events, event_deliveries)");
        // An entry "a|b" is satisfied by either index (the planner may pick the tiny partial index of running rows
        // over the id key for a write under a lease: both read a handful of rows).
        var own = statement.Postgres.SelectMany(i => i.Split('|')).ToHashSet(StringComparer.Ordinal);
        var foreign = nodes.Select(n => Text(n, "Index Name"))
            .Where(i => i is not null && i.StartsWith("ix_deliveries_", StringComparison.Ordinal) && !own.Contains(i))
            .ToList();
        Assert.True(foreign.Count == 0, $"{plan}\nreads deliveries on an index not its own: {string.Join("; ", foreign)}");
        foreach (var index in statement.Postgres)
        {
            Assert.True(nodes.Any(n => index.Split('|').Contains(Text(n, "Index Name"))), $"{plan}\ndoes not use {index}");
        }
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }

    private static string? Text(JsonElement node, string property) =>
        node.TryGetProperty(property, out var value) ? value.GetString() : null;

    private static string Describe(JsonElement node) =>
        $"{Text(node, "Node Type")} {Text(node, "Relation Name")} {Text(node, "Index Name")}".TrimEnd();
}
