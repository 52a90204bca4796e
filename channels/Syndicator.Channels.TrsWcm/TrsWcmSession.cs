using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Syndicator.Core.Storage;

namespace Syndicator.Channels.TrsWcm;

/// <summary>
/// The channel's one WCM session (the <c>JSESSIONID</c> of a login), shared by every process and node through the
/// channel state store, as the WeChat token is (T2): WCM refuses a second login of a user who is logged in elsewhere
/// (ERR_USER_LOGINED), so nodes that each logged in would lock each other out — or, with <c>ForceKick</c>, log each
/// other out. One node logs in at a time: it first claims the login in the store (compare-and-swap), others wait for
/// the session it stores. A call WCM answers with "not logged in" (<c>TRSNotLogin: true</c>) did nothing: the session
/// is renewed by one login and the call sent once more; its answer stands (a second "not logged in" is AuthFailed).
/// </summary>
internal sealed class TrsWcmSession : IDisposable
{
    public const string StateKey = "wcm_session";

    /// <summary>How long a claim to log in holds before another node may take it over (a node died mid-login).</summary>
    internal static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(30);

    /// <summary>How often a node waiting for another's login looks at the store again.</summary>
    internal static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(50);

    private readonly TrsWcmChannel _channel;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _node = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
    private readonly string _credentials;
    private string? _id;

    public TrsWcmSession(TrsWcmChannel channel)
    {
        _channel = channel;

        // Which credentials made a stored session: a node configured with other ones (a changed password) logs in
        // itself, so a wrong password shows at once. A short hash, never the password.
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"syndicator-trswcm\n{channel.Id}\n{channel.Options.UserName}\n{channel.Options.Password}"));
        _credentials = Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }

    private IChannelStateStore State => _channel.State;

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

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// The session to use: this process's unless it is <paramref name="stale"/> (refused a moment ago), else the
    /// stored one (made with these credentials, not stale), else a new login. Logins are serialised in the process
    /// by a gate and across nodes by a claim in the store.
    /// </summary>
    private async Task<(string? Id, TrsWcmAnswer? Failure)> EnsureAsync(TrsWcmApi api, string? stale, CancellationToken cancellationToken)
    {
        var cached = _id;
        if (cached is not null && cached != stale)
        {
            return (cached, null);
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_id is not null && _id != stale)
            {
                return (_id, null);
            }

            var deadline = _channel.Time.GetUtcNow() + ClaimLifetime + ClaimLifetime;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var stored = await State.GetAsync(_channel.Id, StateKey, cancellationToken);
                var current = Stored.Read(stored?.Value);
                var now = _channel.Time.GetUtcNow();
                if (current.Session is { } shared && current.Credentials == _credentials && shared != stale && current.ClaimedBy is null)
                {
                    _id = shared;
                    return (shared, null);
                }

                var claimedElsewhere = current.ClaimedBy is { } by && by != _node && current.ClaimUntil > now;
                if (claimedElsewhere && now < deadline)
                {
                    // Another node is logging in: use the session it stores rather than log in over it.
                    await Task.Delay(WaitStep, _channel.Time, cancellationToken);
                    continue;
                }

                var version = stored?.Version ?? 0;
                var claim = current with { ClaimedBy = _node, ClaimUntil = now + ClaimLifetime };
                if (!await State.TryPutAsync(_channel.Id, StateKey, claim.Write(), null, version, now, cancellationToken))
                {
                    continue;
                }

                // Our own (same credentials) session goes along, so the login page's invalidate ends it (T1).
                var own = current.Credentials == _credentials ? current.Session : null;
                string? id;
                TrsWcmAnswer answer;
                try
                {
                    (id, answer) = await api.LoginAsync(own, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Shutting down mid-login: give the claim back so that the next process need not wait it out.
                    await State.TryPutAsync(_channel.Id, StateKey, (current with { ClaimedBy = null, ClaimUntil = null }).Write(), null, version + 1, _channel.Time.GetUtcNow(), CancellationToken.None);
                    throw;
                }

                var after = _channel.Time.GetUtcNow();
                var next = id is null
                    ? current with { ClaimedBy = null, ClaimUntil = null }
                    : new Stored(id, _credentials, null, null);
                await State.TryPutAsync(_channel.Id, StateKey, next.Write(), null, version + 1, after, cancellationToken);
                if (id is null)
                {
                    _id = null;
                    Log.LoginFailed(_channel.Logger, _channel.Id, _channel.Options.UserName,
                        answer.LoginRefusal?.Words ?? (answer.Answered ? answer.Code : answer.ErrorText));
                    return (null, answer);
                }

                Log.LoggedIn(_channel.Logger, _channel.Id, _channel.Options.UserName);
                _id = id;
                return (id, null);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The stored state: the session, which credentials made it, and a node's claim to log in.</summary>
    private sealed record Stored(string? Session, string? Credentials, string? ClaimedBy, DateTimeOffset? ClaimUntil)
    {
        public static Stored Read(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return new Stored(null, null, null, null);
            }

            try
            {
                return JsonSerializer.Deserialize<Stored>(value) ?? new Stored(null, null, null, null);
            }
            catch (JsonException)
            {
                return new Stored(null, null, null, null);
            }
        }

        public string Write() => JsonSerializer.Serialize(this);
    }
}
