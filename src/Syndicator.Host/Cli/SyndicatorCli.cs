using System.CommandLine;

namespace Syndicator.Host.Cli;

/// <summary>The verbs of DESIGN §6. Exit codes: 0 success, 1 failure of the work, 2 bad usage.</summary>
public static class SyndicatorCli
{
    public const int Success = 0;
    public const int WorkFailed = 1;
    public const int BadUsage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Syndicator: pushes approved government information to every outlet it is routed to.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        foreach (var command in ClientCommands.Create().Concat(HandoffCommands.Create()))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ReportCommands.Create());
        root.Subcommands.Add(EventsCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(ProbeCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run 'syndicator --help' for usage.");
            return BadUsage;
        }

        return await parsed.InvokeAsync();
    }
}
