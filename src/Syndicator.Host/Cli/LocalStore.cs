using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;
using Syndicator.Host.WebConsole;
using Syndicator.Storage;

namespace Syndicator.Host.Cli;

/// <summary>
/// The verbs that work on the store directly (<c>keys</c>, <c>users</c>): the store named by <c>--data DIR |
/// --postgres CONNECTION</c> (or configuration), migrated first, with the account service over it. Exit 2 for bad
/// settings, 1 when the store cannot be reached.
/// </summary>
internal static class LocalStore
{
    public static async Task<int> RunAsync(
        StoreOptions store, ParseResult result, Func<IServiceProvider, Task<int>> work, CancellationToken cancellationToken)
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
                return await work(services);
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

    /// <summary>A command with the store options and <paramref name="work"/> as its action.</summary>
    public static Command Verb(string name, string description, IEnumerable<Symbol> symbols, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> work)
    {
        var store = new StoreOptions();
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }

        store.AddTo(command);
        command.SetAction((result, ct) => RunAsync(store, result, services => work(result, services, ct), ct));
        return command;
    }
}
