using Dapper;
using Microsoft.Data.Sqlite;
using Syndicator.Core.Events;

namespace Syndicator.Storage.Tests.Events;

/// <summary>The events conformance suite on SQLite: every store is a fresh file in a temporary directory.</summary>
public sealed class SqliteEventStoreTests : EventStoreConformanceTests
{
    private readonly TempDirectory _directory = new();
    private int _databases;

    protected override Task<EventsUnderTest> CreateStoreAsync(EventRoutes routes)
    {
        var dataDirectory = Path.Combine(_directory.Path, $"db{Interlocked.Increment(ref _databases)}");
        return Task.FromResult(EventsUnderTest.Open(new StorageOptions { DataDirectory = dataDirectory }, routes, dataDirectory));
    }

    protected override async Task<IReadOnlyList<T>> SqlAsync<T>(string sql, object? args = null)
    {
        await using var connection = await ConnectAsync();
        return [.. await connection.QueryAsync<T>(sql, args)];
    }

    protected override async Task RefuseEventsAsync()
    {
        await using var connection = await ConnectAsync();
        await connection.ExecuteAsync("CREATE TRIGGER refuse_events BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'events refused'); END");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    private async Task<SqliteConnection> ConnectAsync()
    {
        var connection = new SqliteConnection(
            $"Data Source={Path.Combine(Store.Location, StorageServiceCollectionExtensions.SqliteFileName)};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
