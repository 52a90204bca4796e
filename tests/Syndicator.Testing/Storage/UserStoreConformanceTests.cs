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
        new(name, role, "AQAAAAIAAYagAAAAE-hash-" + name, 0, null, T0, null);

    [Fact]
    public async Task CreateAsync_NewName_ReadBackAsWritten()
    {
        Assert.True(await Users.CreateAsync(NewUser("zhangsan", "auditor"), Ct));

        var found = await Users.FindAsync("zhangsan", Ct);

        Assert.Equal(NewUser("zhangsan", "auditor"), found);
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

        await Users.RecordFailedSignInAsync("zhao", 3, T0.AddMinutes(15), Ct);
        var after = await Users.RecordFailedSignInAsync("zhao", 3, T0.AddMinutes(15), Ct);

        Assert.Equal(2, after!.FailedSignIns);
        Assert.Null(after.LockedUntil);
    }

    [Fact]
    public async Task RecordFailedSignInAsync_ReachesLimit_LockedAndCountRestarts()
    {
        await Users.CreateAsync(NewUser("qian"), Ct);

        UserRecord? after = null;
        for (var i = 0; i < 3; i++)
        {
            after = await Users.RecordFailedSignInAsync("qian", 3, T0.AddMinutes(15), Ct);
        }

        Assert.Equal(T0.AddMinutes(15), after!.LockedUntil);
        Assert.Equal(0, after.FailedSignIns);
        Assert.True(after.IsLockedAt(T0));
        Assert.False(after.IsLockedAt(T0.AddMinutes(15)));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_UnknownName_Null()
    {
        Assert.Null(await Users.RecordFailedSignInAsync("ghost", 3, T0, Ct));
    }

    [Fact]
    public async Task RecordFailedSignInAsync_TwoNodesCounting_BothCount()
    {
        await Users.CreateAsync(NewUser("sun"), Ct);
        var (peer, owner) = OpenAgain(Location);
        _owned.Add(owner);

        await Task.WhenAll(
            Users.RecordFailedSignInAsync("sun", 10, T0, Ct),
            peer.RecordFailedSignInAsync("sun", 10, T0, Ct),
            Users.RecordFailedSignInAsync("sun", 10, T0, Ct),
            peer.RecordFailedSignInAsync("sun", 10, T0, Ct));

        Assert.Equal(4, (await peer.FindAsync("sun", Ct))!.FailedSignIns);
    }

    [Fact]
    public async Task RecordSignInAsync_AfterFailures_CountClearedAndTimeKept()
    {
        await Users.CreateAsync(NewUser("li"), Ct);
        await Users.RecordFailedSignInAsync("li", 10, T0, Ct);

        await Users.RecordSignInAsync("li", T0.AddMinutes(1), Ct);

        var user = await Users.FindAsync("li", Ct);
        Assert.Equal(0, user!.FailedSignIns);
        Assert.Equal(T0.AddMinutes(1), user.LastSignInAt);
    }

    [Fact]
    public async Task UnlockAsync_LockedUser_Unlocked()
    {
        await Users.CreateAsync(NewUser("zhou"), Ct);
        await Users.RecordFailedSignInAsync("zhou", 1, T0.AddHours(1), Ct);

        Assert.True(await Users.UnlockAsync("zhou", Ct));

        var user = await Users.FindAsync("zhou", Ct);
        Assert.Null(user!.LockedUntil);
        Assert.False(await Users.UnlockAsync("ghost", Ct));
    }
}
