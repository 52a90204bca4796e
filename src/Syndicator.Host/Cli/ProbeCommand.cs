using System.CommandLine;

namespace Syndicator.Host.Cli;

/// <summary>
/// <c>probe URL</c>: exit 0 when URL answers 2xx within 5 s. The container's HEALTHCHECK uses it, since the runtime
/// image has no curl.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create()
    {
        var url = UriOption.Argument("URL", "e.g. http://127.0.0.1:8080/health/live");
        var command = new Command("probe", "Exit 0 when URL answers with a 2xx status.") { url };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(result.GetValue(url), cancellationToken);
                return response.IsSuccessStatusCode ? SyndicatorCli.Success : SyndicatorCli.WorkFailed;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return SyndicatorCli.WorkFailed;
            }
        });
        return command;
    }
}
