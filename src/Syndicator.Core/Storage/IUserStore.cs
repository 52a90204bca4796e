namespace Syndicator.Core.Storage;

/// <summary>
/// Local console accounts: a name, one role and a password hash. Failed sign-ins and lock-outs are counted here, in
/// the database, so that a lock-out holds across restarts and across every node of the service.
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
    /// Counts one bad password in one write: when the count reaches <paramref name="lockAfter"/>, the account is
    /// locked until <paramref name="lockUntil"/> and the count starts again from zero. Null when the account is unknown.
    /// </summary>
    Task<UserRecord?> RecordFailedSignInAsync(string name, int lockAfter, DateTimeOffset lockUntil, CancellationToken cancellationToken);

    /// <summary>A good sign-in: the failure count goes back to zero and the time is kept.</summary>
    Task RecordSignInAsync(string name, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Lifts a lock-out and clears the failure count; false when the account is unknown.</summary>
    Task<bool> UnlockAsync(string name, CancellationToken cancellationToken);
}

/// <summary>
/// A console account. <see cref="Role"/> is <c>operator</c>, <c>it</c>, <c>auditor</c> or <c>admin</c>;
/// <see cref="PasswordHash"/> is the framework password hasher's output, never the password.
/// </summary>
public sealed record UserRecord(
    string Name,
    string Role,
    string PasswordHash,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt)
{
    /// <summary>Whether a lock-out is in force at <paramref name="now"/>.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
