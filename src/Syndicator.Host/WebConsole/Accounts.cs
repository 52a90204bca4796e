using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole;

/// <summary>
/// Console accounts: creation (from the CLI or the demo) and password checks with lock-out. Passwords are hashed by
/// the framework's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a per-password salt); only the hash is stored.
/// </summary>
internal sealed partial class Accounts(IUserStore users, IAuditLog audit, IOptions<ConsoleOptions> options, TimeProvider time)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<string> Hasher = new();

    // Verified against when the name is unknown, so that an unknown name takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword("", "decoy-" + Guid.NewGuid().ToString("N"));

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]{1,64}$")]
    private static partial Regex NamePattern();

    /// <summary>Why <paramref name="name"/>, <paramref name="role"/> or <paramref name="password"/> cannot be used; null when they can.</summary>
    public static string? Problem(string name, string role, string password)
    {
        if (!NamePattern().IsMatch(name))
        {
            return "name must be 1–64 letters, digits or . _ @ -.";
        }

        if (!ConsoleRoles.All.Contains(role))
        {
            return $"role must be one of {string.Join(", ", ConsoleRoles.All)}.";
        }

        return password.Length < MinPasswordLength
            ? $"password must be at least {MinPasswordLength} characters."
            : null;
    }

    /// <summary>Adds an account; false when the name is taken. Inputs must have passed <see cref="Problem"/>.</summary>
    public async Task<bool> CreateAsync(string name, string role, string password, string actor, CancellationToken cancellationToken)
    {
        if (Problem(name, role, password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        var now = time.GetUtcNow();
        if (!await users.CreateAsync(new UserRecord(name, role, Hasher.HashPassword(name, password), 0, null, now, null), cancellationToken))
        {
            return false;
        }

        await audit.AppendAsync(new AuditEntry(now, actor, "user.created", null, null, null, null, $"user '{name}' with role {role}"), cancellationToken);
        return true;
    }

    /// <summary>Lifts a lock-out; false when the account is unknown.</summary>
    public async Task<bool> UnlockAsync(string name, string actor, CancellationToken cancellationToken)
    {
        if (!await users.UnlockAsync(name, cancellationToken))
        {
            return false;
        }

        await audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, "user.unlocked", null, null, null, null, $"user '{name}'"), cancellationToken);
        return true;
    }

    /// <summary>Checks a password. A locked account is refused without looking at the password.</summary>
    public async Task<SignInResult> CheckAsync(string name, string password, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.FindAsync(name, cancellationToken);
        if (user is null)
        {
            _ = Hasher.VerifyHashedPassword("", DecoyHash, password);
            return new SignInResult(SignInStatus.BadPassword, null, null);
        }

        if (user.IsLockedAt(now))
        {
            return new SignInResult(SignInStatus.Locked, null, user.LockedUntil);
        }

        if (Hasher.VerifyHashedPassword(user.Name, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var settings = options.Value;
            var after = await users.RecordFailedSignInAsync(name, settings.LockoutAttempts, now + settings.LockoutDuration, cancellationToken);
            if (after?.IsLockedAt(now) == true)
            {
                await audit.AppendAsync(new AuditEntry(now, "user:" + name, "user.locked", null, null, null, null,
                    $"{settings.LockoutAttempts} bad passwords; locked until {after.LockedUntil:O}"), cancellationToken);
                return new SignInResult(SignInStatus.Locked, null, after.LockedUntil);
            }

            return new SignInResult(SignInStatus.BadPassword, null, null);
        }

        await users.RecordSignInAsync(name, now, cancellationToken);
        await audit.AppendAsync(new AuditEntry(now, "user:" + name, "user.signed_in", null, null, null, null, null), cancellationToken);
        return new SignInResult(SignInStatus.SignedIn, user, null);
    }
}

internal enum SignInStatus
{
    SignedIn,
    BadPassword,
    Locked,
}

/// <summary>The answer to a password check; <see cref="User"/> is set when signed in.</summary>
internal sealed record SignInResult(SignInStatus Status, UserRecord? User, DateTimeOffset? LockedUntil);
