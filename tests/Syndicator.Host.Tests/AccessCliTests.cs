using Microsoft.Extensions.DependencyInjection;
using Syndicator.Core.Storage;
using Syndicator.Storage;

namespace Syndicator.Host.Tests;

/// <summary>
/// <c>keys list|revoke</c> and <c>users disable|enable|set-role|reset-password</c> as an operator runs them: the real
/// executable on a SQLite folder, exit codes 0/1/2, messages on standard error, the store and the audit as it leaves them.
/// </summary>
public sealed class AccessCliTests : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly string _data = Path.Combine(Path.GetTempPath(), "syndicator-access-cli-" + Guid.NewGuid().ToString("N"));

    private Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string[] args, string? stdin = null) =>
        SyndicatorProcess.RunAsync([.. args, "--data", _data], stdin, Minute);

    [Fact]
    public async Task KeysListAndRevoke_TwoKeys_ListedWithoutSecretsRevokedOnceAudited()
    {
        var (_, key, _) = await RunAsync(["keys", "create", "--name", "审批系统", "--scope", "submit", "read"]);
        await RunAsync(["keys", "create", "--name", "monitoring", "--scope", "read"]);

        var listed = await RunAsync(["keys", "list"]);
        var id = listed.StdOut.Split('\n').Single(l => l.Contains("审批系统", StringComparison.Ordinal)).Split('\t')[0];
        var revoked = await RunAsync(["keys", "revoke", id]);
        var again = await RunAsync(["keys", "revoke", id]);
        var unknown = await RunAsync(["keys", "revoke", "no-such-key"]);
        var after = await RunAsync(["keys", "list"]);

        Assert.Equal(0, listed.ExitCode);
        Assert.Equal(2, listed.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\tsubmit,read\t", listed.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Trim(), listed.StdOut + after.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain(Auth.ApiKeys.Hash(key.Trim()), listed.StdOut + after.StdOut, StringComparison.Ordinal);
        Assert.True(revoked.ExitCode == 0, revoked.StdErr);
        Assert.Contains($"Revoked key {id}", revoked.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("was revoked already", again.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no API key with id 'no-such-key'", unknown.StdErr, StringComparison.Ordinal);
        Assert.Matches($@"{id}\t审批系统\tsubmit,read\t\S+\trevoked \S+ by cli", after.StdOut);
        Assert.Contains("\tmonitoring\tread\t", after.StdOut, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(), e => e.Action == "key.revoked" && e.Actor == "cli" && e.Detail!.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsersVerbs_OneAccount_EachChangeStoredAuditedAndReported()
    {
        Assert.Equal(0, (await RunAsync(["users", "add", "alice", "--role", "operator"], "first-password-1\n")).ExitCode);
        var before = await UserAsync("alice");

        var role = await RunAsync(["users", "set-role", "alice", "auditor"]);
        var badRole = await RunAsync(["users", "set-role", "alice", "root"]);
        var disable = await RunAsync(["users", "disable", "alice"]);
        var listed = await RunAsync(["users", "list"]);
        var shortPassword = await RunAsync(["users", "reset-password", "alice"], "short\n");
        var reset = await RunAsync(["users", "reset-password", "alice"], "second-password-2\n");
        var enable = await RunAsync(["users", "enable", "alice"]);
        var ghost = await RunAsync(["users", "disable", "ghost"]);
        var after = await UserAsync("alice");

        Assert.True(role.ExitCode == 0, role.StdErr);
        Assert.Equal(2, badRole.ExitCode);
        Assert.True(disable.ExitCode == 0, disable.StdErr);
        Assert.Matches(@"alice\tauditor\tdisabled since \S+\t-\tnever", listed.StdOut);
        Assert.Equal(2, shortPassword.ExitCode);
        Assert.Contains("at least 12 characters", shortPassword.StdErr, StringComparison.Ordinal);
        Assert.True(reset.ExitCode == 0, reset.StdErr);
        Assert.True(enable.ExitCode == 0, enable.StdErr);
        Assert.Equal(1, ghost.ExitCode);
        Assert.Contains("There is no account named 'ghost'", ghost.StdErr, StringComparison.Ordinal);
        Assert.Equal("auditor", after.Role);
        Assert.False(after.IsDisabled);
        Assert.NotEqual(before.PasswordHash, after.PasswordHash);
        Assert.True(after.SessionGeneration >= before.SessionGeneration + 3, $"{before.SessionGeneration} → {after.SessionGeneration}");
        var actions = (await AuditAsync()).Where(e => e.Actor == "cli").Select(e => e.Action).ToList();
        Assert.Equal(["user.created", "user.role_changed", "user.disabled", "user.password_reset", "user.enabled"], Enumerable.Reverse(actions));
        Assert.DoesNotContain(await AuditAsync(), e => (e.Detail ?? "").Contains("second-password-2", StringComparison.Ordinal));
    }

    private async Task<UserRecord> UserAsync(string name)
    {
        await using var services = Store();
        return (await services.GetRequiredService<IUserStore>().FindAsync(name, CancellationToken.None))!;
    }

    private async Task<IReadOnlyList<Core.Deliveries.AuditEntry>> AuditAsync()
    {
        await using var services = Store();
        return await services.GetRequiredService<IAuditLog>().ListAsync(null, 100, CancellationToken.None);
    }

    private ServiceProvider Store() =>
        new ServiceCollection().AddSyndicatorStorage(new StorageOptions { DataDirectory = _data }).BuildServiceProvider();

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
