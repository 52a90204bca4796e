using System.CommandLine;
using Syndicator.Sandbox;

namespace Syndicator.Host.Cli;

/// <summary><c>sandbox [--urls URL]</c>: the platform emulators alone, in their own process.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var urls = UriOption.Urls("Listen URL.", "http://127.0.0.1:5080");
        var command = new Command("sandbox", "Run the emulators of the remote platforms and the sandbox control API.") { urls };
        command.SetAction(async (result, cancellationToken) =>
        {
            // The bureau's profile: a portal that takes updates and withdrawals (serve --sandbox is configured for it).
            var options = new SandboxOptions { PortalTakesChanges = true };
            options.Urls.Clear();
            foreach (var url in result.GetValue(urls)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.Urls.Add(url);
            }

            await using var app = SandboxApplication.Create(options);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"Cannot listen: {ex.Message}");
                return SyndicatorCli.WorkFailed;
            }

            Console.WriteLine($"Sandbox listening on {string.Join(", ", app.Urls)} (control API under /_sandbox, index at /).");
            await app.WaitForShutdownAsync(cancellationToken);
            return SyndicatorCli.Success;
        });
        return command;
    }
}
