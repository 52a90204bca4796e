namespace Syndicator.Storage;

/// <summary>One connection and its transaction, running the provider's embedded scripts by name.</summary>
internal interface IStoreSession
{
    Task<IReadOnlyList<T>> QueryAsync<T>(string script, object? args = null);

    Task<T?> QueryFirstOrDefaultAsync<T>(string script, object? args = null);

    Task<T?> ScalarAsync<T>(string script, object? args = null);

    Task<int> ExecuteAsync(string script, object? args = null);
}
