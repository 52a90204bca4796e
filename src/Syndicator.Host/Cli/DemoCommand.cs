using System.CommandLine;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Host.Hosting;
using Syndicator.Host.WebConsole;
using Syndicator.Sandbox;

namespace Syndicator.Host.Cli;

/// <summary>
/// <c>demo [--once]</c>: starts the sandbox and the service on loopback with a fresh SQLite file, creates an API key,
/// submits the sample items, shows each delivery as it moves, checks the sandbox platforms hold every item exactly
/// once, and prints where to look.
/// </summary>
internal static class DemoCommand
{
    private const string DemoUser = "demo";

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Exit when every delivery has succeeded (0), or one failed or time ran out (1)." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "How long --once waits.", DefaultValueFactory = _ => TimeSpan.FromMinutes(2) };
        var command = new Command("demo", "Run the sandbox and the service together and publish the sample items.") { once, timeout };
        command.SetAction((result, ct) => RunAsync(result.GetValue(once), result.GetValue(timeout), ct));
        return command;
    }

    private static TimeSpan Remaining(DateTimeOffset started, TimeSpan timeout) =>
        started + timeout - TimeProvider.System.GetUtcNow() is { } left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    private static async Task<int> RunAsync(bool once, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var samples = SampleItems.Load();
        if (samples.Count == 0)
        {
            await Console.Error.WriteLineAsync($"No sample items found in {SampleItems.Folder}.");
            return SyndicatorCli.WorkFailed;
        }

        var sandboxOptions = new SandboxOptions { PortalTakesChanges = true };
        sandboxOptions.Urls.Clear();
        sandboxOptions.Urls.Add("http://127.0.0.1:0");
        await using var sandbox = SandboxApplication.Create(sandboxOptions);
        await sandbox.StartAsync(cancellationToken);
        var sandboxUrl = new Uri(sandbox.Urls.First());

        var data = Path.Combine(Path.GetTempPath(), $"syndicator-demo-{Guid.NewGuid().ToString("N")[..8]}");
        await using var service = SyndicatorApp.Create(new ServeSettings
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = data,
            Sandbox = sandboxUrl,
            Overrides = new Dictionary<string, string?>(DemoLoop.Settings()) { ["Logging:LogLevel:Default"] = "Warning" },
        });
        await service.StartAsync(cancellationToken);
        var serviceUrl = new Uri(service.Urls.First());
        var key = await KeysCommand.CreateAsync(
            service.Services.GetRequiredService<IKeyStore>(), service.Services.GetRequiredService<IAuditLog>(),
            "demo", Scopes.All, TimeProvider.System, cancellationToken);

        // A demo account with a random password: the console has no default password, not even in the demo.
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('/', '_').Replace('+', '-');
        await service.Services.GetRequiredService<Accounts>().CreateAsync(DemoUser, ConsoleRoles.Admin, password, "demo", cancellationToken);

        Console.WriteLine($"Sandbox  {sandboxUrl}   Service  {serviceUrl}   Data  {data}");
        using var client = new ApiClient(serviceUrl, key);
        var progress = new DemoProgress(client, new SandboxReader(sandboxUrl));
        var submitted = await progress.SubmitAsync(samples, cancellationToken);
        var started = TimeProvider.System.GetUtcNow();
        var notices = new DirectoryInfo(Path.Combine(data, "notices"));
        var succeeded = submitted && await progress.FollowAsync(timeout, cancellationToken)
            && await DemoLoop.PostNoticesAsync(client, progress.ItemIds, notices, cancellationToken)
            && await progress.FollowAsync(Remaining(started, timeout), cancellationToken);
        var exact = succeeded && await progress.VerifyExactlyOnceAsync(cancellationToken)
            && await DemoLoop.VerifyOfficeAsync(client, sandboxUrl, progress.ItemIds, Remaining(started, timeout), cancellationToken);
        DemoProgress.PrintWhereToLook(serviceUrl, sandboxUrl, key, progress.ItemIds);
        Console.WriteLine($"  the notice board's notices (PDF)      {notices.FullName}");
        Console.WriteLine($"  what the office system received       {new Uri(sandboxUrl, "/_sandbox/events")}   syndicator events list --server {serviceUrl} --api-key {key}");
        Console.WriteLine($"Console  {serviceUrl}   user {DemoUser}   password {password}   (a new random password each run)");

        if (!once)
        {
            Console.WriteLine("Running until Ctrl+C.");
            await service.WaitForShutdownAsync(cancellationToken);
        }

        await service.StopAsync(CancellationToken.None);
        await sandbox.StopAsync(CancellationToken.None);
        return succeeded && exact ? SyndicatorCli.Success : SyndicatorCli.WorkFailed;
    }
}
