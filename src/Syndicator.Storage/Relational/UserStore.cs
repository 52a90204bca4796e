using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Console accounts (<c>users</c>) and failed sign-ins (<c>sign_in_failures</c>). The scripts alias their columns to the row's property names, so the rows need no type map.
/// A failed sign-in is counted and read back in one write transaction: what the caller sees is what it caused.
/// </summary>
internal sealed class UserStore(IStoreDatabase database) : IUserStore
{
    private readonly IStoreDatabase _db = RowMaps.Over(database);

    public async Task<bool> CreateAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var written = await _db.WriteAsync(s => s.ExecuteAsync("Users.Insert", new
        {
            name = user.Name,
            role = user.Role,
            passwordHash = user.PasswordHash,
            createdAt = UnixMs.From(user.CreatedAt),
        }), cancellationToken);
        return written == 1;
    }

    public async Task<UserRecord?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var row = await _db.ReadAsync(s => s.QueryFirstOrDefaultAsync<UserRow>("Users.Find", new { name }), cancellationToken);
        return row?.ToUser();
    }

    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<UserRow>("Users.List"), cancellationToken);
        return [.. rows.Select(r => r.ToUser())];
    }

    public async Task<SignInFailures?> RecordFailedSignInAsync(FailedSignIn attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt.LockAfter, 1);
        var pair = new { name = attempt.Name, address = attempt.Address };
        var row = await _db.WriteAsync(async s =>
        {
            var now = UnixMs.From(attempt.Now);
            await s.ExecuteAsync("Users.FailuresPrune", new { staleBefore = UnixMs.From(attempt.StaleBefore), now });
            await s.ExecuteAsync("Users.Failed", new
            {
                pair.name, pair.address, lockAfter = attempt.LockAfter, lockUntil = UnixMs.From(attempt.LockUntil), now,
            });
            return await s.QueryFirstOrDefaultAsync<FailuresRow>("Users.Failures", pair);
        }, cancellationToken);
        return row?.ToFailures();
    }

    public async Task<SignInFailures?> FindFailuresAsync(string name, string address, CancellationToken cancellationToken)
    {
        var row = await _db.ReadAsync(s => s.QueryFirstOrDefaultAsync<FailuresRow>("Users.Failures", new { name, address }), cancellationToken);
        return row?.ToFailures();
    }

    public async Task<IReadOnlyList<SignInFailures>> ListLockoutsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await _db.ReadAsync(s => s.QueryAsync<FailuresRow>("Users.Lockouts", new { now = UnixMs.From(now) }), cancellationToken);
        return [.. rows.Select(r => r.ToFailures())];
    }

    public Task RecordSignInAsync(string name, string address, DateTimeOffset now, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            await s.ExecuteAsync("Users.SignedIn", new { name, now = UnixMs.From(now) });
            await s.ExecuteAsync("Users.FailuresClear", new { name, address });
        }, cancellationToken);

    public Task<bool> UnlockAsync(string name, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            await s.ExecuteAsync("Users.FailuresClearAccount", new { name });
            return await s.ExecuteAsync("Users.Unlock", new { name }) == 1;
        }, cancellationToken);

    public async Task<bool> SetRoleAsync(string name, string role, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Users.SetRole", new { name, role }), cancellationToken) == 1;

    public Task<bool> SetPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken) =>
        _db.WriteAsync(async s =>
        {
            await s.ExecuteAsync("Users.FailuresClearAccount", new { name });
            return await s.ExecuteAsync("Users.SetPassword", new { name, passwordHash }) == 1;
        }, cancellationToken);

    public async Task<bool> DisableAsync(string name, DateTimeOffset at, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Users.Disable", new { name, at = UnixMs.From(at) }), cancellationToken) == 1;

    public async Task<bool> EnableAsync(string name, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Users.Enable", new { name }), cancellationToken) == 1;

    public async Task<bool> EndSessionsAsync(string name, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Users.EndSessions", new { name }), cancellationToken) == 1;
}

/// <summary>A row of <c>users</c>.</summary>
internal sealed class UserRow
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public long CreatedAt { get; set; }
    public long? LastSignInAt { get; set; }
    public long? DisabledAt { get; set; }
    public long SessionGeneration { get; set; }

    public UserRecord ToUser() =>
        new(Name, Role, PasswordHash, UnixMs.To(CreatedAt), UnixMs.To(LastSignInAt), UnixMs.To(DisabledAt), SessionGeneration);
}

/// <summary>A row of <c>sign_in_failures</c>.</summary>
internal sealed class FailuresRow
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public long Failures { get; set; }
    public long? LockedUntil { get; set; }

    public SignInFailures ToFailures() => new(Name, Address, checked((int)Failures), UnixMs.To(LockedUntil));
}
