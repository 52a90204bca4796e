using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole;

/// <summary>
/// Console accounts: creation (from the CLI or the demo), password checks with lock-out, and the changes an
/// administrator makes. Passwords are hashed by the framework's <see cref="PasswordHasher{TUser}"/> (PBKDF2 with a
/// per-password salt); only the hash is stored. Every change is audited under its actor.
/// </summary>
internal sealed partial class Accounts(IUserStore users, IAuditLog audit, IOptions<ConsoleOptions> options, TimeProvider time)
{
    /// <summary>The shortest password accepted.</summary>
    public const int MinPasswordLength = 12;

    /// <summary>The longest password accepted (the sign-in form takes no more).</summary>
    public const int MaxPasswordLength = 256;

    private static readonly PasswordHasher<string> Hasher = new();

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]{1,64}\z")]
    private static partial Regex NamePattern();

    /// <summary>Why <paramref name="name"/>, <paramref name="role"/> or <paramref name="password"/> cannot be used; null when they can.</summary>
    public static string? Problem(string name, string role, string password)
    {
        if (!NamePattern().IsMatch(name))
        {
            return "name must be 1–64 letters, digits or . _ @ -.";
        }

        return RoleProblem(role) ?? PasswordProblem(password);
    }

    /// <summary>Why <paramref name="role"/> is not a role; null when it is.</summary>
    public static string? RoleProblem(string role) =>
        ConsoleRoles.All.Contains(role) ? null : $"role must be one of {string.Join(", ", ConsoleRoles.All)}.";

    /// <summary>Why <paramref name="password"/> cannot be used; null when it can.</summary>
    public static string? PasswordProblem(string password) => password.Length switch
    {
        < MinPasswordLength => $"password must be at least {MinPasswordLength} characters.",
        > MaxPasswordLength => $"password must be at most {MaxPasswordLength} characters.",
        _ => null,
    };

    /// <summary>Adds an account; false when the name is taken. Inputs must have passed <see cref="Problem"/>.</summary>
    public async Task<bool> CreateAsync(string name, string role, string password, string actor, CancellationToken cancellationToken)
    {
        if (Problem(name, role, password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        var now = time.GetUtcNow();
        if (!await users.CreateAsync(new UserRecord(name, role, Hasher.HashPassword(name, password), now, null), cancellationToken))
        {
            return false;
        }

        await AuditAsync(actor, "user.created", $"user '{name}' with role {role}", cancellationToken);
        return true;
    }

    /// <summary>Lifts every lock-out of the account; false when the account is unknown.</summary>
    public Task<bool> UnlockAsync(string name, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(users.UnlockAsync(name, cancellationToken), actor, "user.unlocked", $"user '{name}'", cancellationToken);

    /// <summary>Disables the account and ends its sign-ins; false when the account is unknown.</summary>
    public Task<bool> DisableAsync(string name, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(users.DisableAsync(name, time.GetUtcNow(), cancellationToken), actor, "user.disabled", $"user '{name}'", cancellationToken);

    /// <summary>Enables a disabled account; false when the account is unknown.</summary>
    public Task<bool> EnableAsync(string name, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(users.EnableAsync(name, cancellationToken), actor, "user.enabled", $"user '{name}'", cancellationToken);

    /// <summary>A new role (which must be one); ends the account's sign-ins. False when the account is unknown.</summary>
    public Task<bool> SetRoleAsync(string name, string role, string actor, CancellationToken cancellationToken)
    {
        if (RoleProblem(role) is { } problem)
        {
            throw new ArgumentException(problem, nameof(role));
        }

        return ChangeAsync(users.SetRoleAsync(name, role, cancellationToken), actor, "user.role_changed", $"user '{name}' now {role}", cancellationToken);
    }

    /// <summary>
    /// A new password (which must pass <see cref="PasswordProblem"/>); ends the account's sign-ins and lifts its
    /// lock-outs. False when the account is unknown. The audit entry never holds the password.
    /// </summary>
    public Task<bool> ResetPasswordAsync(string name, string password, string actor, CancellationToken cancellationToken)
    {
        if (PasswordProblem(password) is { } problem)
        {
            throw new ArgumentException(problem, nameof(password));
        }

        return ChangeAsync(users.SetPasswordAsync(name, Hasher.HashPassword(name, password), cancellationToken),
            actor, "user.password_reset", $"user '{name}'", cancellationToken);
    }

    /// <summary>Signing out: every sign-in of the account ends, copies of its cookie included.</summary>
    public Task<bool> SignOutAsync(string name, CancellationToken cancellationToken) =>
        ChangeAsync(users.EndSessionsAsync(name, cancellationToken), "user:" + name, "user.signed_out", null, cancellationToken);

    private async Task<bool> ChangeAsync(Task<bool> change, string actor, string action, string? detail, CancellationToken cancellationToken)
    {
        if (!await change)
        {
            return false;
        }

        await AuditAsync(actor, action, detail, cancellationToken);
        return true;
    }

    private Task AuditAsync(string actor, string action, string? detail, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(time.GetUtcNow(), actor, action, null, null, null, null, detail), cancellationToken);
}
