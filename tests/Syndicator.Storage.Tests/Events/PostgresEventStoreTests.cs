using Dapper;
using Npgsql;
using Syndicator.Core.Events;
using Syndicator.Testing.Postgres;

namespace Syndicator.Storage.Tests.Events;

/// <summary>The events conformance suite on PostgreSQL: every store is a fresh database on the shared throwaway cluster.</summary>
[Collection(PostgresClusterGroup.Name)]
public sealed class PostgresEventStoreTests(PostgresCluster cluster) : EventStoreConformanceTests
{
    private readonly List<string> _databases = [];

    protected override async Task<EventsUnderTest> CreateStoreAsync(EventRoutes routes)
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        _databases.Add(connectionString);
        return EventsUnderTest.Open(new StorageOptions { Provider = "Postgres", ConnectionString = connectionString }, routes, connectionString);
    }

    protected override async Task<IReadOnlyList<T>> SqlAsync<T>(string sql, object? args = null)
    {
        await using var connection = new NpgsqlConnection(Store.Location);
        await connection.OpenAsync();
        return [.. await connection.QueryAsync<T>(sql, args)];
    }

    protected override async Task RefuseEventsAsync()
    {
        await using var connection = new NpgsqlConnection(Store.Location);
        await connection.OpenAsync();
        await connection.ExecuteAsync("""
            CREATE FUNCTION refuse_events() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'events refused'; END $$;
            CREATE TRIGGER refuse_events BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse_events();
            """);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var database in _databases)
        {
            await cluster.DropDatabaseAsync(database);
        }
    }
}
