using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Syndicator.Host.Hosting;

namespace Syndicator.Host.Cli;

/// <summary><c>serve [--urls URL] [--data DIR | --postgres CONNECTION] [--sandbox URL]</c>.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = UriOption.Urls("Listen URLs, ';'-separated (default Api:Urls, http://127.0.0.1:5000).");
        var sandbox = UriOption.Create("--sandbox", "Point every channel of the default profile at this running sandbox.");
        var store = new StoreOptions();
        var command = new Command("serve", "Run the service: API, dispatcher and health endpoints.") { urls, sandbox };
        store.AddTo(command);
        command.SetAction((result, cancellationToken) => RunAsync(new ServeSettings
        {
            Urls = result.GetValue(urls),
            DataDirectory = result.GetValue(store.Data),
            Postgres = result.GetValue(store.Postgres),
            Sandbox = result.GetValue(sandbox),
        }, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(ServeSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            await using var app = SyndicatorApp.Create(settings);
            await app.RunAsync(cancellationToken);
            return SyndicatorCli.Success;
        }
        catch (Exception ex) when (ValidationFailures(ex) is { Count: > 0 } failures)
        {
            // Start-up validates every section; when several fail, the host throws them together (AggregateException).
            await Console.Error.WriteLineAsync("Configuration is not valid:");
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync("  " + failure);
            }

            return SyndicatorCli.BadUsage;
        }
        catch (NotSupportedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return SyndicatorCli.BadUsage;
        }
        catch (DbException ex)
        {
            // At start-up (migrations): the driver's message names the server and the failure, never the password.
            await Console.Error.WriteLineAsync($"Cannot reach the store: {ex.Message}");
            return SyndicatorCli.WorkFailed;
        }
        catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"Cannot listen: {ex.Message}");
            return SyndicatorCli.WorkFailed;
        }
    }

    /// <summary>Every options-validation failure in <paramref name="ex"/>, also inside an aggregate; empty for anything else.</summary>
    private static List<string> ValidationFailures(Exception ex) => ex switch
    {
        OptionsValidationException validation => [.. validation.Failures],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.SelectMany(e => ((OptionsValidationException)e).Failures)],
        _ => [],
    };
}
