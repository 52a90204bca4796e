using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

/// <summary>
/// What every <see cref="IUserStore"/> must do. A provider's test class says how to open a new, empty database; each
/// test gets a fresh, migrated one, and may open the same database again as another node would.
/// </summary>
public abstract class UserStoreConformanceTests : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = Some.Instant();

    private readonly List<IAsyncDisposable> _owned = [];

    private IUserStore Users { get; set; } = null!;

    private string Location { get; set; } = "";

    private static CancellationToken Ct => CancellationToken.None;

    /// <summary>A store over a new, empty database (not migrated), where that database is, and what to dispose.</summary>
    protected abstract Task<(IUserStore Users, IStoreLifecycle Lifecycle, string Location, IAsyncDisposable Owner)> CreateAsync();

    /// <summary>A second store over the database at <paramref name="location"/>.</summary>
    protected abstract (IUserStore Users, IAsyncDisposable Owner) OpenAgain(string location);

    public virtual async Task InitializeAsync()
    {
        var (users, lifecycle, location, owner) = await CreateAsync();
        _owned.Add(owner);
        await lifecycle.MigrateAsync(Ct);
        Users = users;
        Location = location;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    private static UserRecord NewUser(string name, string role = "operator") =>
        new(name, role, "AQAAAAIAAYagAAAAE-hash-" + name, T0, null);

    private static FailedSignIn Failure(string name, string address, int lockAfter = 3, DateTimeOffset? now = null) =>
        new(name, address, now ?? T0, lockAfter, (now ?? T0).AddMinutes(15), (now ?? T0).AddMinutes(-15));

    [Fact]
    public async Task CreateAsync_NewName_ReadBackAsWritten()
    {
        Assert.True(await Users.CreateAsync(NewUser("zhangsan", "auditor"), Ct));

        var found = await Users.FindAsync("zhangsan", Ct);

        Assert.Equal(NewUser("zhangsan", "auditor"), found);
        Assert.False(found!.IsDisabled);
    }

    [Fact]
    public async Task CreateAsync_TakenName_FalseAndFirstKept()
    {
        Assert.True(await Users.CreateAsync(NewUser("lisi", "operator"), Ct));

        Assert.False(await Users.CreateAsync(NewUser("lisi", "admin"), Ct));

        Assert.Equal("operator", (await Users.FindAsync("lisi", Ct))!.Role);
    }

    [Fact]
    public async Task FindAsync_OtherCase_Null()
    {
        await Users.CreateAsync(NewUser("wangwu"), Ct);

        Assert.Null(await Users.FindAsync("WangWu", Ct));
        Assert.Null(await Users.FindAsync("nobody", Ct));
    }

    [Fact]
    public async Task ListAsync_SeveralUsers_ByName()
    {
        await Users.CreateAsync(NewUser("c-user"), Ct);
        await Users.CreateAsync(NewUser("a-user", "it"), Ct);
        await Users.CreateAsync(NewUser("b-user", "admin"), Ct);

        var names = (await Users.ListAsync(Ct)).Select(u => u.Name);

        Assert.Equal(["a-user", "b-user", "c-user"], names);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_BelowLimit_CountsWithoutLocking()
    {
        await Users.CreateAsync(NewUser("zhao"), Ct);

        await Users.RecordFailedSignInAsync(Failure("zhao", "10.0.0.1"), Ct);
        var after = await Users.RecordFailedSignInAsync(Failure("zhao", "10.0.0.1"), Ct);

        Assert.Equal(2, after!.Failures);
        Assert.Null(after.LockedUntil);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_ReachesLimit_ThatAddressLockedAndCountRestarts()
    {
        await Users.CreateAsync(NewUser("qian"), Ct);

        SignInFailures? after = null;
        for (var i = 0; i < 3; i++)
        {
            after = await Users.RecordFailedSignInAsync(Failure("qian", "10.0.0.1"), Ct);
        }

        Assert.Equal(T0.AddMinutes(15), after!.LockedUntil);
        Assert.Equal(0, after.Failures);
        Assert.True(after.IsLockedAt(T0));
        Assert.False(after.IsLockedAt(T0.AddMinutes(15)));
        Assert.Equal([after], await Users.ListLockoutsAsync(T0, Ct));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_LockedFromOneAddress_OtherAddressNotLocked()
    {
        await Users.CreateAsync(NewUser("feng"), Ct);
        for (var i = 0; i < 3; i++)
        {
            await Users.RecordFailedSignInAsync(Failure("feng", "203.0.113.9"), Ct);
        }

        Assert.True((await Users.FindFailuresAsync("feng", "203.0.113.9", Ct))!.IsLockedAt(T0));
        Assert.Null(await Users.FindFailuresAsync("feng", "10.0.0.1", Ct));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_LimitOne_LockedAtTheFirst()
    {
        await Users.CreateAsync(NewUser("chu"), Ct);

        var after = await Users.RecordFailedSignInAsync(Failure("chu", "10.0.0.1", lockAfter: 1), Ct);

        Assert.True(after!.IsLockedAt(T0));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_QuietLongerThanTheWindow_CountStartsAgain()
    {
        await Users.CreateAsync(NewUser("wei"), Ct);
        await Users.RecordFailedSignInAsync(Failure("wei", "10.0.0.1"), Ct);
        await Users.RecordFailedSignInAsync(Failure("wei", "10.0.0.1"), Ct);

        var later = await Users.RecordFailedSignInAsync(Failure("wei", "10.0.0.1", now: T0.AddMinutes(16)), Ct);

        Assert.Equal(1, later!.Failures);
        Assert.Null(later.LockedUntil);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_UnknownName_NullAndNothingKept()
    {
        Assert.Null(await Users.RecordFailedSignInAsync(Failure("ghost", "10.0.0.1"), Ct));
        Assert.Null(await Users.FindFailuresAsync("ghost", "10.0.0.1", Ct));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_TwoNodesCounting_BothCount()
    {
        await Users.CreateAsync(NewUser("sun"), Ct);
        var (peer, owner) = OpenAgain(Location);
        _owned.Add(owner);

        await Task.WhenAll(
            Users.RecordFailedSignInAsync(Failure("sun", "10.0.0.1", lockAfter: 10), Ct),
            peer.RecordFailedSignInAsync(Failure("sun", "10.0.0.1", lockAfter: 10), Ct),
            Users.RecordFailedSignInAsync(Failure("sun", "10.0.0.1", lockAfter: 10), Ct),
            peer.RecordFailedSignInAsync(Failure("sun", "10.0.0.1", lockAfter: 10), Ct));

        Assert.Equal(4, (await peer.FindFailuresAsync("sun", "10.0.0.1", Ct))!.Failures);
    }

    [Fact]
    public async Task RecordSignInAsync_AfterFailures_ThatAddressClearedOthersKeptAndTimeKept()
    {
        await Users.CreateAsync(NewUser("li"), Ct);
        await Users.RecordFailedSignInAsync(Failure("li", "10.0.0.1"), Ct);
        await Users.RecordFailedSignInAsync(Failure("li", "10.0.0.2"), Ct);

        await Users.RecordSignInAsync("li", "10.0.0.1", T0.AddMinutes(1), Ct);

        Assert.Null(await Users.FindFailuresAsync("li", "10.0.0.1", Ct));
        Assert.Equal(1, (await Users.FindFailuresAsync("li", "10.0.0.2", Ct))!.Failures);
        Assert.Equal(T0.AddMinutes(1), (await Users.FindAsync("li", Ct))!.LastSignInAt);
    }

    [Fact]
    public async Task UnlockAsync_LockedFromTwoAddresses_BothLifted()
    {
        await Users.CreateAsync(NewUser("zhou"), Ct);
        await Users.RecordFailedSignInAsync(Failure("zhou", "10.0.0.1", lockAfter: 1), Ct);
        await Users.RecordFailedSignInAsync(Failure("zhou", "10.0.0.2", lockAfter: 1), Ct);

        Assert.True(await Users.UnlockAsync("zhou", Ct));

        Assert.Empty(await Users.ListLockoutsAsync(T0, Ct));
        Assert.False(await Users.UnlockAsync("ghost", Ct));
    }

    [Fact]
    public async Task DisableAsync_ThenEnable_DisabledSinceTheFirstTimeThenEnabledAndSessionsEnded()
    {
        await Users.CreateAsync(NewUser("wu"), Ct);
        var before = (await Users.FindAsync("wu", Ct))!.SessionGeneration;

        Assert.True(await Users.DisableAsync("wu", T0.AddMinutes(1), Ct));
        Assert.True(await Users.DisableAsync("wu", T0.AddMinutes(2), Ct));
        var disabled = await Users.FindAsync("wu", Ct);
        Assert.True(await Users.EnableAsync("wu", Ct));

        Assert.Equal(T0.AddMinutes(1), disabled!.DisabledAt);
        Assert.True(disabled.SessionGeneration > before);
        Assert.False((await Users.FindAsync("wu", Ct))!.IsDisabled);
        Assert.False(await Users.DisableAsync("ghost", T0, Ct));
        Assert.False(await Users.EnableAsync("ghost", Ct));
    }

    [Fact]
    public async Task SetRoleAsync_Known_NewRoleAndSessionsEnded()
    {
        await Users.CreateAsync(NewUser("zheng"), Ct);
        var before = (await Users.FindAsync("zheng", Ct))!.SessionGeneration;

        Assert.True(await Users.SetRoleAsync("zheng", "auditor", Ct));

        var after = await Users.FindAsync("zheng", Ct);
        Assert.Equal("auditor", after!.Role);
        Assert.True(after.SessionGeneration > before);
        Assert.False(await Users.SetRoleAsync("ghost", "admin", Ct));
    }

    [Fact]
    public async Task SetPasswordAsync_LockedAccount_NewHashSessionsEndedLockLifted()
    {
        await Users.CreateAsync(NewUser("jiang"), Ct);
        await Users.RecordFailedSignInAsync(Failure("jiang", "10.0.0.1", lockAfter: 1), Ct);
        var before = (await Users.FindAsync("jiang", Ct))!.SessionGeneration;

        Assert.True(await Users.SetPasswordAsync("jiang", "new-hash", Ct));

        var after = await Users.FindAsync("jiang", Ct);
        Assert.Equal("new-hash", after!.PasswordHash);
        Assert.True(after.SessionGeneration > before);
        Assert.Null(await Users.FindFailuresAsync("jiang", "10.0.0.1", Ct));
        Assert.False(await Users.SetPasswordAsync("ghost", "x", Ct));
    }

    [Fact]
    public async Task EndSessionsAsync_Twice_GenerationMovesOnEachTime()
    {
        await Users.CreateAsync(NewUser("shen"), Ct);
        var first = (await Users.FindAsync("shen", Ct))!.SessionGeneration;

        Assert.True(await Users.EndSessionsAsync("shen", Ct));
        var second = (await Users.FindAsync("shen", Ct))!.SessionGeneration;
        Assert.True(await Users.EndSessionsAsync("shen", Ct));

        Assert.True(second > first);
        Assert.True((await Users.FindAsync("shen", Ct))!.SessionGeneration > second);
        Assert.False(await Users.EndSessionsAsync("ghost", Ct));
    }
}
