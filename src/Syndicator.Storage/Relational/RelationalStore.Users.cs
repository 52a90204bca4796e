using Syndicator.Core.Storage;
using Syndicator.Storage.Sqlite;

namespace Syndicator.Storage.Relational;

/// <summary>
/// Console accounts. The scripts alias their columns to the row's property names, so the row needs no type map.
/// A failed sign-in is counted and read back in one write transaction: what the caller sees is what it caused.
/// </summary>
internal abstract partial class RelationalStore : IUserStore
{
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

    public async Task<UserRecord?> RecordFailedSignInAsync(
        string name, int lockAfter, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lockAfter, 1);
        var row = await _db.WriteAsync(async s =>
        {
            await s.ExecuteAsync("Users.Failed", new { name, lockAfter, lockUntil = UnixMs.From(lockUntil) });
            return await s.QueryFirstOrDefaultAsync<UserRow>("Users.Find", new { name });
        }, cancellationToken);
        return row?.ToUser();
    }

    public Task RecordSignInAsync(string name, DateTimeOffset now, CancellationToken cancellationToken) =>
        _db.WriteAsync(s => s.ExecuteAsync("Users.SignedIn", new { name, now = UnixMs.From(now) }), cancellationToken);

    public async Task<bool> UnlockAsync(string name, CancellationToken cancellationToken) =>
        await _db.WriteAsync(s => s.ExecuteAsync("Users.Unlock", new { name }), cancellationToken) == 1;
}

/// <summary>A row of <c>users</c>.</summary>
internal sealed class UserRow
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public long FailedSignIns { get; set; }
    public long? LockedUntil { get; set; }
    public long CreatedAt { get; set; }
    public long? LastSignInAt { get; set; }

    public UserRecord ToUser() => new(
        Name, Role, PasswordHash, checked((int)FailedSignIns), UnixMs.To(LockedUntil), UnixMs.To(CreatedAt), UnixMs.To(LastSignInAt));
}
