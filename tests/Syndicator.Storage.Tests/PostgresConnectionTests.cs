using Npgsql;
using Syndicator.Storage.Postgres;
using Syndicator.Testing;
using Syndicator.Testing.Postgres;

namespace Syndicator.Storage.Tests;

/// <summary>The PostgreSQL store's connections: a bounded pool, and the hot statements prepared on the server.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresConnectionTests(PostgresCluster cluster) : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private string _database = "";

    public async Task InitializeAsync() => _database = await cluster.CreateDatabaseAsync();

    public Task DisposeAsync() => cluster.DropDatabaseAsync(_database);

    /// <summary>
    /// With the pool bounded at two, a third session waits for a free connection: the server never sees a third
    /// connection, and the third session runs as soon as one of the two ends.
    /// </summary>
    [Fact]
    public async Task Sessions_MoreThanTheBound_WaitForAFreeConnection()
    {
        using var database = new PostgresDatabase(_database, maxConnections: 2);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var held = holding.Select(h => database.ReadAsync(async s =>
        {
            h.SetResult();
            await release.Task;
            return await s.ScalarAsync<long>("Connection.Ping");
        }, Ct)).ToList();
        await Task.WhenAll(holding.Select(h => h.Task)).WaitAsync(TimeSpan.FromSeconds(30));

        var thirdStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var third = database.ReadAsync(s =>
        {
            thirdStarted.SetResult();
            return s.ScalarAsync<long>("Connection.Ping");
        }, Ct);

        // Without the bound the third session starts within milliseconds; with it, not while the two are held.
        var early = await Task.WhenAny(thirdStarted.Task, Task.Delay(TimeSpan.FromSeconds(1)));
        var connections = await ServerConnectionsAsync();
        release.SetResult();

        Assert.NotSame(thirdStarted.Task, early);
        Assert.Equal(2, connections);
        Assert.Equal(1, await third.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.All(await Task.WhenAll(held), value => Assert.Equal(1, value));
    }

    /// <summary>After a few uses the hot statements are prepared on the server (the connection's <c>pg_prepared_statements</c>).</summary>
    [Fact]
    public async Task HotStatements_AfterAFewUses_PreparedOnTheServer()
    {
        using (var migrating = ComposedStore.Over(new PostgresDatabase(_database)))
        {
            await migrating.Lifecycle.MigrateAsync(Ct);
        }

        // One connection, so that every use lands on the connection whose prepared statements are read back.
        using var database = new PostgresDatabase(_database, maxConnections: 1);
        var store = ComposedStore.Over(database).Items;
        for (var i = 0; i < 3; i++)
        {
            await database.ReadAsync(s => s.ScalarAsync<long>("Connection.Ping"), Ct);
            await store.AcceptAsync(Some.Item(channels: ["bureau", "wechat"]), "tester", null, Ct);
        }

        var prepared = await database.ReadAsync(async s =>
        {
            await using var command = new NpgsqlCommand("SELECT statement FROM pg_prepared_statements", s.Raw.Connection, s.Raw.Transaction);
            var statements = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                statements.Add(reader.GetString(0));
            }

            return statements;
        }, Ct);

        Assert.Contains(prepared, s => s.Trim() == PostgresDatabase.Sql["Connection.Ping"].Trim().TrimEnd(';'));
        Assert.True(prepared.Count >= 4, $"the accept's statements prepared too: {string.Join(" | ", prepared)}");
    }

    private async Task<long> ServerConnectionsAsync()
    {
        // Unpooled: an idle pooled admin connection may be dead after another test restarted the server.
        await using var admin = new NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
        await admin.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = @name", admin);
        count.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(_database).Database!);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
