namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// The channel's WCM session (the <c>JSESSIONID</c> of a login), kept in memory for this process and shared by its
/// calls. A call WCM answers with "not logged in" (<c>TRSNotLogin: true</c>) did nothing: the session is renewed by
/// exactly one login and the call sent once more. Its answer stands, whatever it is (a second "not logged in"
/// becomes AuthFailed).
/// </summary>
internal sealed class TrsWcmSession : IDisposable
{
    private readonly TrsWcmChannel _channel;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _id;

    public TrsWcmSession(TrsWcmChannel channel) => _channel = channel;

    public async Task<TrsWcmAnswer> CallAsync(TrsWcmApi api, string call, Func<string, Task<TrsWcmAnswer>> send, CancellationToken cancellationToken)
    {
        var (id, failure) = await EnsureAsync(api, stale: null, cancellationToken);
        if (id is null)
        {
            return failure!;
        }

        var answer = await send(id);
        if (!answer.NotLoggedIn)
        {
            return answer;
        }

        Log.SessionExpired(_channel.Logger, _channel.Id, call);
        (id, failure) = await EnsureAsync(api, stale: id, cancellationToken);
        return id is null ? failure! : await send(id);
    }

    /// <summary>Forgets the session, so the next call logs in (the health check proves the login itself).</summary>
    public void Forget() => Interlocked.Exchange(ref _id, null);

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The session to use: the cached one unless it is <paramref name="stale"/> (refused a moment ago), else a new
    /// login. Logins are serialised, so calls that meet an expired session together log in once.
    /// </summary>
    private async Task<(string? Id, TrsWcmAnswer? Failure)> EnsureAsync(TrsWcmApi api, string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_id is not null && _id != stale)
            {
                return (_id, null);
            }

            var (id, answer) = await api.LoginAsync(cancellationToken);
            if (id is null)
            {
                _id = null;
                Log.LoginFailed(_channel.Logger, _channel.Id, _channel.Options.UserName, answer.Answered ? answer.Code : answer.ErrorText);
                return (null, answer);
            }

            Log.LoggedIn(_channel.Logger, _channel.Id, _channel.Options.UserName);
            _id = id;
            return (id, null);
        }
        finally
        {
            _gate.Release();
        }
    }
}
