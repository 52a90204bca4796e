using System.Security.Cryptography;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// The access tokens of the one emulated account (reference §1). <c>cgi-bin/token</c> and <c>stable_token</c> live in
/// separate spaces: fetching one never invalidates the other. Callers hold the emulator's lock.
/// </summary>
internal sealed class TokenStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(7200);

    /// <summary>How long a superseded token keeps working, and when before expiry the stable token renews.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromMinutes(5);

    /// <summary>force_refresh calls closer together than this do not refresh (reference §1b).</summary>
    public static readonly TimeSpan ForceSpacing = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private IssuedToken? _plain;
    private IssuedToken? _stable;
    private DateTimeOffset? _lastForce;

    /// <summary><c>cgi-bin/token</c>: a new token per call; the previous one keeps working 5 more minutes.</summary>
    public IssuedToken IssuePlain(DateTimeOffset now)
    {
        _plain?.Revoke(now + Overlap);
        _plain = Mint(now);
        return _plain;
    }

    /// <summary>
    /// <c>stable_token</c> normal mode: the current token while more than 5 minutes remain, else a new one (the old
    /// one works until it expires). Force mode: a new token at once, the old one dead, unless the last force was
    /// under 30 s ago, in which case nothing is refreshed.
    /// </summary>
    public IssuedToken IssueStable(DateTimeOffset now, bool force)
    {
        var current = _stable is { } token && token.IsValid(now) ? token : null;
        if (force && (_lastForce is null || now - _lastForce >= ForceSpacing || current is null))
        {
            _lastForce = now;
            current?.Revoke(now);
            current = null;
        }
        else if (current is not null && now >= current.ExpiresAt - Overlap && !force)
        {
            current = null;
        }

        return current ?? (_stable = Mint(now));
    }

    /// <summary>0 when <paramref name="value"/> may call business APIs, else the errcode (reference §1c).</summary>
    public int Check(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(value))
        {
            return WeChatErrors.AccessTokenMissing;
        }

        if (!_tokens.TryGetValue(value, out var token))
        {
            return WeChatErrors.InvalidAccessToken;
        }

        if (token.RevokedAt is { } revoked && now >= revoked)
        {
            return WeChatErrors.InvalidCredential;
        }

        return now >= token.ExpiresAt ? WeChatErrors.AccessTokenExpired : 0;
    }

    public void Clear()
    {
        _tokens.Clear();
        _plain = _stable = null;
        _lastForce = null;
    }

    private IssuedToken Mint(DateTimeOffset now)
    {
        // Real tokens are opaque strings of 150 or so characters; callers must reserve 512.
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(117)).Replace('+', '-').Replace('/', '_');
        var token = new IssuedToken(value, now + Lifetime);
        _tokens[value] = token;
        return token;
    }
}

/// <summary>One issued token; <see cref="RevokedAt"/> is when it stops working because another superseded it.</summary>
internal sealed class IssuedToken(string value, DateTimeOffset expiresAt)
{
    public string Value { get; } = value;

    public DateTimeOffset ExpiresAt { get; } = expiresAt;

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsValid(DateTimeOffset now) => now < ExpiresAt && (RevokedAt is null || now < RevokedAt);

    public void Revoke(DateTimeOffset at) => RevokedAt = RevokedAt is { } earlier && earlier < at ? earlier : at;

    /// <summary>Whole seconds left, as <c>expires_in</c> reports them.</summary>
    public long ExpiresIn(DateTimeOffset now) => (long)Math.Floor((ExpiresAt - now).TotalSeconds);
}
