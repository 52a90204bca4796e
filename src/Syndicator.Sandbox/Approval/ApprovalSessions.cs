using System.Security.Cryptography;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// Login sessions (<c>JSESSIONID</c>): each belongs to a user and lives <see cref="ApprovalSettings.SessionLifetime"/>
/// after its last use. Callers hold the emulator's gate.
/// </summary>
internal sealed class ApprovalSessions(TimeProvider time)
{
    private readonly Dictionary<string, (string? User, DateTimeOffset ExpiresAt)> _sessions = new(StringComparer.Ordinal);

    /// <summary>Logins that opened a session.</summary>
    public long Logins { get; private set; }

    /// <summary>Logins refused (wrong credentials, or logins refused by the settings).</summary>
    public long RefusedLogins { get; private set; }

    /// <summary>Logins refused because the user was logged in elsewhere (ERR_USER_LOGINED, T2).</summary>
    public long LoginedRefusals { get; private set; }

    /// <summary>Sessions ended by another login's <c>ForceKick=true</c> (T2).</summary>
    public long Kicked { get; private set; }

    /// <summary>A new session, anonymous until a login succeeds in it (T1: <c>getSession(true)</c>).</summary>
    public string Open(TimeSpan lifetime, string? user = null)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _sessions[id] = (user, time.GetUtcNow() + lifetime);
        if (user is not null)
        {
            Logins++;
        }

        return id;
    }

    /// <summary>Gives a session to <paramref name="user"/>: the login succeeded in it.</summary>
    public void LogIn(string id, string user, TimeSpan lifetime)
    {
        _sessions[id] = (user, time.GetUtcNow() + lifetime);
        Logins++;
    }

    /// <summary><c>session.invalidate()</c>: the session (and its user's login in it) ends.</summary>
    public void Invalidate(string? id)
    {
        if (id is not null)
        {
            _sessions.Remove(id);
        }
    }

    public void Refused() => RefusedLogins++;

    public void RefusedAsLoggedIn() => LoginedRefusals++;

    /// <summary>Whether <paramref name="user"/> holds a live session other than <paramref name="except"/>.</summary>
    public bool LoggedInElsewhere(string user, string except)
    {
        var now = time.GetUtcNow();
        return _sessions.Any(s => s.Key != except && s.Value.User == user && s.Value.ExpiresAt > now);
    }

    /// <summary>Ends every other live session of <paramref name="user"/> (<c>ForceKick=true</c>).</summary>
    public void Kick(string user, string except)
    {
        foreach (var id in _sessions.Where(s => s.Key != except && s.Value.User == user).Select(s => s.Key).ToList())
        {
            _sessions.Remove(id);
            Kicked++;
        }
    }

    /// <summary>Whether <paramref name="id"/> names a live, logged-in session; a live one is kept alive for another lifetime.</summary>
    public bool Touch(string? id, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        if (id is null || !_sessions.TryGetValue(id, out var session) || session.User is null)
        {
            return false;
        }

        if (session.ExpiresAt <= now)
        {
            _sessions.Remove(id);
            return false;
        }

        _sessions[id] = session with { ExpiresAt = now + lifetime };
        return true;
    }

    public int Active()
    {
        var now = time.GetUtcNow();
        return _sessions.Values.Count(e => e.User is not null && e.ExpiresAt > now);
    }

    /// <summary>Ends every session now; answers how many were live.</summary>
    public int ExpireAll()
    {
        var active = Active();
        _sessions.Clear();
        return active;
    }

    public void Clear()
    {
        _sessions.Clear();
        Logins = 0;
        RefusedLogins = 0;
        LoginedRefusals = 0;
        Kicked = 0;
    }
}
