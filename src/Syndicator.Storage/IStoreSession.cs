namespace Syndicator.Storage;

/// <summary>One connection and its transaction, running the provider's embedded scripts by name.</summary>
internal interface IStoreSession
{
    Task<IReadOnlyList<T>> QueryAsync<T>(string script, object? args = null);

    Task<T?> QueryFirstOrDefaultAsync<T>(string script, object? args = null);

    Task<T?> ScalarAsync<T>(string script, object? args = null);

    Task<int> ExecuteAsync(string script, object? args = null);

    /// <summary>Serializes this transaction with every other write to the same item, where the provider needs it.</summary>
    Task LockItemAsync(string itemId);

    /// <summary>A list of ids as the provider's scripts take it as one parameter.</summary>
    object IdList(IReadOnlyList<string> ids);
}

/// <summary>A provider's database: read and write transactions over <see cref="IStoreSession"/>.</summary>
internal interface IStoreDatabase : IDisposable
{
    Task<T> ReadAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken cancellationToken);

    Task<T> WriteAsync<T>(Func<IStoreSession, Task<T>> work, CancellationToken cancellationToken);

    Task WriteAsync(Func<IStoreSession, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async s =>
        {
            await work(s);
            return true;
        }, cancellationToken);
}
