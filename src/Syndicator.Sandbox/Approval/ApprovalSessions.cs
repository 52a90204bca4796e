using System.Security.Cryptography;

namespace Syndicator.Sandbox.Approval;

/// <summary>
/// Login sessions (<c>JSESSIONID</c>): each lives <see cref="ApprovalSettings.SessionLifetime"/> after its last use.
/// Callers hold the emulator's gate.
/// </summary>
internal sealed class ApprovalSessions(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _expiresAt = new(StringComparer.Ordinal);

    /// <summary>Logins that opened a session.</summary>
    public long Logins { get; private set; }

    /// <summary>Logins refused (wrong credentials, or logins refused by the settings).</summary>
    public long RefusedLogins { get; private set; }

    public string Open(TimeSpan lifetime)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _expiresAt[id] = time.GetUtcNow() + lifetime;
        Logins++;
        return id;
    }

    public void Refused() => RefusedLogins++;

    /// <summary>Whether <paramref name="id"/> names a live session; a live one is kept alive for another lifetime.</summary>
    public bool Touch(string? id, TimeSpan lifetime)
    {
        var now = time.GetUtcNow();
        if (id is null || !_expiresAt.TryGetValue(id, out var expiresAt))
        {
            return false;
        }

        if (expiresAt <= now)
        {
            _expiresAt.Remove(id);
            return false;
        }

        _expiresAt[id] = now + lifetime;
        return true;
    }

    public int Active()
    {
        var now = time.GetUtcNow();
        return _expiresAt.Values.Count(e => e > now);
    }

    /// <summary>Ends every session now; answers how many were live.</summary>
    public int ExpireAll()
    {
        var active = Active();
        _expiresAt.Clear();
        return active;
    }

    public void Clear()
    {
        _expiresAt.Clear();
        Logins = 0;
        RefusedLogins = 0;
    }
}
