namespace Syndicator.Core.Storage;

/// <summary>
/// Local console accounts: a name, one role and a password hash, whether the account is disabled, and the generation
/// of its sign-ins. Failed sign-ins are counted per (account, client address) in the database, so that a lock-out
/// holds across restarts and every node, and guessing from one address locks out that address only.
/// </summary>
public interface IUserStore
{
    /// <summary>Adds <paramref name="user"/>; false (and nothing written) when the name is taken.</summary>
    Task<bool> CreateAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>The account called <paramref name="name"/> (exact, case-sensitive); null when none.</summary>
    Task<UserRecord?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every account, by name.</summary>
    Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Counts one bad password of <paramref name="attempt"/>'s account from its address, in one write: when the pair's
    /// count reaches <see cref="FailedSignIn.LockAfter"/>, that address is locked out of that account until
    /// <see cref="FailedSignIn.LockUntil"/> and the count starts again. Counts with no failure since
    /// <see cref="FailedSignIn.StaleBefore"/> and no lock in force are forgotten first. Null when the account is unknown.
    /// </summary>
    Task<SignInFailures?> RecordFailedSignInAsync(FailedSignIn attempt, CancellationToken cancellationToken);

    /// <summary>The failure count and lock of <paramref name="name"/> from <paramref name="address"/>; null when none.</summary>
    Task<SignInFailures?> FindFailuresAsync(string name, string address, CancellationToken cancellationToken);

    /// <summary>Every (account, address) pair locked out at <paramref name="now"/>.</summary>
    Task<IReadOnlyList<SignInFailures>> ListLockoutsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A good sign-in from <paramref name="address"/>: that pair's count is cleared and the time is kept.</summary>
    Task RecordSignInAsync(string name, string address, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lifts every lock-out of the account, from every address; false when the account is unknown.</summary>
    Task<bool> UnlockAsync(string name, CancellationToken cancellationToken);

    /// <summary>A new role; ends the account's sign-ins. False when the account is unknown.</summary>
    Task<bool> SetRoleAsync(string name, string role, CancellationToken cancellationToken);

    /// <summary>A new password hash; ends the account's sign-ins and lifts its lock-outs. False when unknown.</summary>
    Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken);

    /// <summary>Disables the account (kept from the first time) and ends its sign-ins. False when unknown.</summary>
    Task<bool> DisableAsync(string name, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Enables a disabled account. False when unknown.</summary>
    Task<bool> EnableAsync(string name, CancellationToken cancellationToken);

    /// <summary>Ends every sign-in of the account (sign-out): its session generation goes up. False when unknown.</summary>
    Task<bool> EndSessionsAsync(string name, CancellationToken cancellationToken);
}

/// <summary>
/// A console account. <see cref="Role"/> is <c>operator</c>, <c>it</c>, <c>auditor</c> or <c>admin</c>;
/// <see cref="PasswordHash"/> is the framework password hasher's output, never the password. A sign-in cookie carries
/// <see cref="SessionGeneration"/> and is refused once the account's generation has moved on.
/// </summary>
public sealed record UserRecord(
    string Name,
    string Role,
    string PasswordHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset? DisabledAt = null,
    long SessionGeneration = 1)
{
    /// <summary>Whether the account is disabled.</summary>
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>One bad password to count: who, from where, when, and the lock-out rule in force.</summary>
public sealed record FailedSignIn(string Name, string Address, DateTimeOffset Now, int LockAfter, DateTimeOffset LockUntil, DateTimeOffset StaleBefore);

/// <summary>The failures of one account from one client address, and the lock-out they caused.</summary>
public sealed record SignInFailures(string Name, string Address, int Failures, DateTimeOffset? LockedUntil)
{
    /// <summary>Whether a lock-out is in force at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
