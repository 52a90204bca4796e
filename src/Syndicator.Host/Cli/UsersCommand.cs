using System.CommandLine;
using Syndicator.Core.Storage;
using Syndicator.Host.WebConsole;

namespace Syndicator.Host.Cli;

/// <summary>
/// <c>users add NAME --role R</c>, <c>users list</c>, <c>users unlock NAME</c>, <c>users disable NAME</c>,
/// <c>users enable NAME</c>, <c>users set-role NAME ROLE</c>, <c>users reset-password NAME</c> (each with
/// <c>--data DIR | --postgres CONNECTION</c>): console accounts, every change audited under <c>cli</c>. Passwords come
/// from <see cref="PasswordInput"/>, never from an argument.
/// </summary>
internal static partial class UsersCommand
{
    private const string Actor = "cli";

    public static Command Create()
    {
        var users = new Command("users", "Manage console accounts (the first admin comes from here; there is no default password).");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(Change("unlock", "Lift every lock-out of the account (from every address).", (a, n, ct) => a.UnlockAsync(n, Actor, ct), "Unlocked"));
        users.Subcommands.Add(Change("disable", "Disable the account: its sign-ins end now and it cannot sign in.", (a, n, ct) => a.DisableAsync(n, Actor, ct), "Disabled"));
        users.Subcommands.Add(Change("enable", "Enable a disabled account.", (a, n, ct) => a.EnableAsync(n, Actor, ct), "Enabled"));
        users.Subcommands.Add(SetRole());
        users.Subcommands.Add(ResetPassword());
        return users;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The sign-in name: 1–64 letters, digits or . _ @ -." };
        var role = new Option<string>("--role") { Description = "operator, it, auditor or admin.", Required = true };
        role.AcceptOnlyFromAmong([.. ConsoleRoles.All]);
        return LocalStore.Verb("add", "Add an account; the password comes from standard input or a prompt.", [name, role], async (result, services, ct) =>
        {
            var password = await PasswordInput.ReadAsync();
            if (Accounts.Problem(result.GetValue(name)!, result.GetValue(role)!, password ?? "") is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return SyndicatorCli.BadUsage;
            }

            if (!await services.GetRequiredService<Accounts>().CreateAsync(result.GetValue(name)!, result.GetValue(role)!, password!, Actor, ct))
            {
                await Console.Error.WriteLineAsync($"An account named '{result.GetValue(name)}' exists already.");
                return SyndicatorCli.WorkFailed;
            }

            await Console.Error.WriteLineAsync($"Added '{result.GetValue(name)}' ({result.GetValue(role)}).");
            return SyndicatorCli.Success;
        });
    }

    private static Command List() =>
        LocalStore.Verb("list", "List accounts: name, role, enabled or disabled, lock-outs by address, last sign-in.", [], async (_, services, ct) =>
        {
            var store = services.GetRequiredService<IUserStore>();
            var now = TimeProvider.System.GetUtcNow();
            var lockouts = (await store.ListLockoutsAsync(now, ct)).ToLookup(l => l.Name, StringComparer.Ordinal);
            foreach (var user in await store.ListAsync(ct))
            {
                var state = user.DisabledAt is { } at ? $"disabled since {at:O}" : "enabled";
                var locked = lockouts[user.Name].Select(l => $"locked from {l.Address} until {l.LockedUntil:O}").ToList();
                Console.WriteLine($"{user.Name}\t{user.Role}\t{state}\t{(locked.Count == 0 ? "-" : string.Join("; ", locked))}\t{user.LastSignInAt?.ToString("O") ?? "never"}");
            }

            return SyndicatorCli.Success;
        });

    /// <summary>A verb that changes one account by name and says so; exit 1 when there is no such account.</summary>
    private static Command Change(string verb, string description, Func<Accounts, string, CancellationToken, Task<bool>> change, string said)
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        return LocalStore.Verb(verb, description, [name], async (result, services, ct) =>
            await ReportAsync(await change(services.GetRequiredService<Accounts>(), result.GetValue(name)!, ct), result.GetValue(name)!, said));
    }

    private static async Task<int> ReportAsync(bool changed, string name, string said)
    {
        if (!changed)
        {
            await Console.Error.WriteLineAsync($"There is no account named '{name}'.");
            return SyndicatorCli.WorkFailed;
        }

        await Console.Error.WriteLineAsync($"{said} '{name}'.");
        return SyndicatorCli.Success;
    }
}
