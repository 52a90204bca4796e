using System.CommandLine;
using System.Data.Common;
using System.Text;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;
using Syndicator.Host.WebConsole;
using Syndicator.Storage;

namespace Syndicator.Host.Cli;

/// <summary>
/// <c>users add NAME --role R</c>, <c>users list</c>, <c>users unlock NAME</c> (each with <c>--data DIR | --postgres
/// CONNECTION</c>): console accounts. The password is read from standard input (first line) or typed at a prompt
/// without echo — never taken from an argument, where it would sit in the shell history and the process list.
/// </summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var users = new Command("users", "Manage console accounts (the first admin comes from here; there is no default password).");
        users.Subcommands.Add(Add());
        users.Subcommands.Add(List());
        users.Subcommands.Add(Unlock());
        return users;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "The sign-in name: 1–64 letters, digits or . _ @ -." };
        var role = new Option<string>("--role") { Description = "operator, it, auditor or admin.", Required = true };
        role.AcceptOnlyFromAmong([.. ConsoleRoles.All]);
        var store = new StoreOptions();
        var add = new Command("add", "Add an account; the password comes from standard input or a prompt.") { name, role };
        store.AddTo(add);
        add.SetAction((result, ct) => RunAsync(store, result, async (accounts, _) =>
        {
            var password = await ReadPasswordAsync();
            if (Accounts.Problem(result.GetValue(name)!, result.GetValue(role)!, password ?? "") is { } problem)
            {
                await Console.Error.WriteLineAsync(problem);
                return SyndicatorCli.BadUsage;
            }

            if (!await accounts.CreateAsync(result.GetValue(name)!, result.GetValue(role)!, password!, "cli", ct))
            {
                await Console.Error.WriteLineAsync($"An account named '{result.GetValue(name)}' exists already.");
                return SyndicatorCli.WorkFailed;
            }

            await Console.Error.WriteLineAsync($"Added '{result.GetValue(name)}' ({result.GetValue(role)}).");
            return SyndicatorCli.Success;
        }, ct));
        return add;
    }

    private static Command List()
    {
        var store = new StoreOptions();
        var list = new Command("list", "List accounts: name, role, lock-out, last sign-in.");
        store.AddTo(list);
        list.SetAction((result, ct) => RunAsync(store, result, async (_, services) =>
        {
            var now = TimeProvider.System.GetUtcNow();
            foreach (var user in await services.GetRequiredService<IUserStore>().ListAsync(ct))
            {
                var locked = user.IsLockedAt(now) ? $"locked until {user.LockedUntil:O}" : "-";
                Console.WriteLine($"{user.Name}\t{user.Role}\t{locked}\t{user.LastSignInAt?.ToString("O") ?? "never"}");
            }

            return SyndicatorCli.Success;
        }, ct));
        return list;
    }

    private static Command Unlock()
    {
        var name = new Argument<string>("NAME") { Description = "The account to unlock." };
        var store = new StoreOptions();
        var unlock = new Command("unlock", "Lift a lock-out after bad passwords.") { name };
        store.AddTo(unlock);
        unlock.SetAction((result, ct) => RunAsync(store, result, async (accounts, _) =>
        {
            if (await accounts.UnlockAsync(result.GetValue(name)!, "cli", ct))
            {
                return SyndicatorCli.Success;
            }

            await Console.Error.WriteLineAsync($"There is no account named '{result.GetValue(name)}'.");
            return SyndicatorCli.WorkFailed;
        }, ct));
        return unlock;
    }

    private static async Task<int> RunAsync(
        StoreOptions store, ParseResult result, Func<Accounts, IServiceProvider, Task<int>> work, CancellationToken cancellationToken)
    {
        try
        {
            var services = new ServiceCollection()
                .AddSingleton(TimeProvider.System)
                .AddSyndicatorStorage(KeysCommand.StorageFor(result.GetValue(store.Data), result.GetValue(store.Postgres)))
                .AddSingleton(Options.Create(new ConsoleOptions()))
                .AddSingleton<Accounts>()
                .BuildServiceProvider();
            await using (services)
            {
                await services.GetRequiredService<IStoreLifecycle>().MigrateAsync(cancellationToken);
                return await work(services.GetRequiredService<Accounts>(), services);
            }
        }
        catch (Exception ex) when (ex is OptionsValidationException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return SyndicatorCli.BadUsage;
        }
        catch (DbException ex)
        {
            // The driver's message names the server and the failure, never the password.
            await Console.Error.WriteLineAsync($"Cannot reach the store: {ex.Message}");
            return SyndicatorCli.WorkFailed;
        }
    }

    /// <summary>The first line of standard input when it is redirected; else typed twice at a prompt, not echoed.</summary>
    private static async Task<string?> ReadPasswordAsync()
    {
        if (Console.IsInputRedirected)
        {
            return (await Console.In.ReadLineAsync())?.TrimEnd('\r');
        }

        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        if (first != second)
        {
            await Console.Error.WriteLineAsync("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
