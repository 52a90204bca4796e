using Microsoft.AspNetCore.Identity;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole;

/// <summary>
/// The password check. Every refusal reads the same to the caller (<see cref="SignInResult.Status"/> is for the audit
/// and tests only), and costs the same: the password is always verified against a hash, the account's or a decoy's,
/// so that neither the answer nor its time tells which accounts exist, which are disabled and which are locked.
/// </summary>
internal sealed partial class Accounts
{
    // Verified against when the name is unknown, so that an unknown name takes as long as a wrong password.
    private static readonly string DecoyHash = Hasher.HashPassword("", "decoy-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// Checks <paramref name="password"/> for <paramref name="name"/> signing in from <paramref name="address"/>. Bad
    /// passwords are counted per (account, address): a lock-out shuts out that address only, so that nobody can lock
    /// an account's owner out from elsewhere.
    /// </summary>
    public async Task<SignInResult> CheckAsync(string name, string password, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var user = await users.FindAsync(name, cancellationToken);
        if (user is null)
        {
            _ = Hasher.VerifyHashedPassword("", DecoyHash, password);
            return new SignInResult(SignInStatus.UnknownAccount, null);
        }

        var good = Hasher.VerifyHashedPassword(user.Name, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        if ((await users.FindFailuresAsync(name, address, cancellationToken))?.IsLockedAt(now) == true)
        {
            return new SignInResult(SignInStatus.Locked, null);
        }

        if (user.IsDisabled)
        {
            return new SignInResult(SignInStatus.Disabled, null);
        }

        if (!good)
        {
            var settings = options.Value;
            var after = await users.RecordFailedSignInAsync(
                new FailedSignIn(name, address, now, settings.LockoutAttempts, now + settings.LockoutDuration, now - settings.LockoutDuration),
                cancellationToken);
            if (after?.IsLockedAt(now) != true)
            {
                return new SignInResult(SignInStatus.BadPassword, null);
            }

            await AuditAsync("user:" + name, "user.locked",
                $"{settings.LockoutAttempts} bad passwords from {address}; that address is locked out until {after.LockedUntil:O}", cancellationToken);
            return new SignInResult(SignInStatus.Locked, null);
        }

        await users.RecordSignInAsync(name, address, now, cancellationToken);
        await AuditAsync("user:" + name, "user.signed_in", $"from {address}", cancellationToken);
        return new SignInResult(SignInStatus.SignedIn, user);
    }
}

internal enum SignInStatus
{
    SignedIn,
    UnknownAccount,
    BadPassword,
    Locked,
    Disabled,
}

/// <summary>The answer to a password check; <see cref="User"/> is set when signed in.</summary>
internal sealed record SignInResult(SignInStatus Status, UserRecord? User);
