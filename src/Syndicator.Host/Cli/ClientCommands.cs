using System.CommandLine;
using System.Text.Json;

namespace Syndicator.Host.Cli;

/// <summary>
/// The verbs that talk to a running service: submit, status, republish, withdraw, retry, channels. Each takes
/// <c>--server</c> and <c>--api-key</c> (or SYNDICATOR_SERVER / SYNDICATOR_API_KEY).
/// </summary>
internal static class ClientCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Submit();
        yield return Status();
        yield return ItemCommand("republish", "Publish the item's latest revision again (on one channel or all).");
        yield return ItemCommand("withdraw", "Take the item down (from one channel or all).");
        yield return Retry();
        yield return Channels();
    }

    private static Command Submit()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A JSON item as POST /api/items takes it." };
        var command = new Command("submit", "Submit an approved item.") { file };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"FILE: {path.FullName} does not exist.");
                return SyndicatorCli.BadUsage;
            }

            var answer = await client.SendJsonAsync(HttpMethod.Post, "/api/items", await File.ReadAllTextAsync(path.FullName, ct), ct);
            return await Output.ItemAsync(answer);
        });
    }

    private static Command Status()
    {
        var id = new Argument<string>("ID") { Description = "The item's id." };
        var command = new Command("status", "Show an item and its deliveries.") { id };
        return ClientOptions.Wire(command, async (result, client, ct) =>
            await Output.ItemAsync(await client.GetAsync($"/api/items/{Uri.EscapeDataString(result.GetValue(id)!)}", ct)));
    }

    private static Command ItemCommand(string verb, string description)
    {
        var id = new Argument<string>("ID") { Description = "The item's id." };
        var channel = new Option<string[]>("--channel") { Description = "Only this channel (repeatable); default all.", AllowMultipleArgumentsPerToken = true };
        var reason = new Option<string>("--reason") { Description = "Why (kept in the audit trail).", Required = true };
        var command = new Command(verb, description) { id, channel, reason };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            var body = new { channels = result.GetValue(channel) ?? [], reason = result.GetValue(reason) };
            return await Output.ItemAsync(await client.PostAsync($"/api/items/{Uri.EscapeDataString(result.GetValue(id)!)}/{verb}", body, ct));
        });
    }

    private static Command Retry()
    {
        var failed = new Option<bool>("--failed") { Description = "Retry the failed and unconfirmed deliveries.", Required = true };
        var channel = new Option<string?>("--channel") { Description = "Only this channel." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only list what would be retried." };
        var command = new Command("retry", "Retry failed deliveries.") { failed, channel, dryRun };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            var body = new { channel = result.GetValue(channel), dryRun = result.GetValue(dryRun) };
            return await Output.RetryAsync(await client.PostAsync("/api/deliveries/retry", body, ct));
        });
    }

    private static Command Channels()
    {
        var channel = new Argument<string?>("CHANNEL") { Description = "One channel; default all.", Arity = ArgumentArity.ZeroOrOne };
        var check = new Command("check", "Run the health check of a channel (or all) now.") { channel };
        ClientOptions.Wire(check, async (result, client, ct) =>
        {
            var names = result.GetValue(channel) is { } one
                ? [one]
                : (await client.GetAsync("/api/channels", ct)).Body?.EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToArray() ?? [];
            var code = SyndicatorCli.Success;
            foreach (var name in names)
            {
                code = Math.Max(code, await Output.CheckAsync(name, await client.PostAsync($"/api/channels/{Uri.EscapeDataString(name)}/check", new { }, ct)));
            }

            return code;
        });
        var command = new Command("channels", "Show every channel's health and queue.") { check, Verify() };
        return ClientOptions.Wire(command, async (_, client, ct) => await Output.ChannelsAsync(await client.GetAsync("/api/channels", ct)));
    }

    /// <summary><c>channels verify C --live --column ID</c>: the go-live probe, run by the service against the real platform.</summary>
    private static Command Verify()
    {
        var channel = new Argument<string>("CHANNEL") { Description = "The channel to probe." };
        var live = new Option<bool>("--live") { Description = "Confirm: a marked test article is published for real, then withdrawn." };
        var column = new Option<string?>("--column") { Description = "The platform's test column (栏目) id to publish in. Required." };
        var command = new Command("verify", "Go-live probe: publish a marked test article to a test column, read it back, fetch its page, update it, withdraw it.")
        {
            channel, live, column,
        };
        return ClientOptions.Wire(command, async (result, client, ct) =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(column)) || !result.GetValue(live))
            {
                await Console.Error.WriteLineAsync("channels verify needs --live and --column ID: it publishes a marked test article in that test column and withdraws it. Nothing was run.");
                return SyndicatorCli.BadUsage;
            }

            var name = result.GetValue(channel)!;
            var body = new { column = result.GetValue(column), live = true };
            var answer = await client.PostAsync($"/api/channels/{Uri.EscapeDataString(name)}/verify", body, ct, GoLive.GoLiveProbe.Deadline + TimeSpan.FromMinutes(1));
            return await Output.GoLiveAsync(answer);
        });
    }
}

/// <summary>The server and key options every client verb takes, and the wiring of its action.</summary>
internal static class ClientOptions
{
    public static Command Wire(Command command, Func<ParseResult, ApiClient, CancellationToken, Task<int>> action)
    {
        var server = UriOption.Create("--server", "The service's base URL (or SYNDICATOR_SERVER; default http://127.0.0.1:5000).");
        var apiKey = new Option<string?>("--api-key") { Description = "An API key (or SYNDICATOR_API_KEY)." };
        command.Options.Add(server);
        command.Options.Add(apiKey);
        command.SetAction(async (result, ct) =>
        {
            var key = result.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("SYNDICATOR_API_KEY");
            if (string.IsNullOrWhiteSpace(key))
            {
                await Console.Error.WriteLineAsync("An API key is needed: --api-key KEY or SYNDICATOR_API_KEY (create one with 'syndicator keys create').");
                return SyndicatorCli.BadUsage;
            }

            var url = result.GetValue(server);
            if (url is null)
            {
                var env = Environment.GetEnvironmentVariable("SYNDICATOR_SERVER");
                if (string.IsNullOrEmpty(env))
                {
                    url = new Uri("http://127.0.0.1:5000");
                }
                else if (!Uri.TryCreate(env, UriKind.Absolute, out url))
                {
                    await Console.Error.WriteLineAsync($"SYNDICATOR_SERVER: '{env}' is not an absolute http(s) URL.");
                    return SyndicatorCli.BadUsage;
                }
            }

            using var client = new ApiClient(url, key);
            try
            {
                return await action(result, client, ct);
            }
            catch (HttpRequestException ex)
            {
                await Console.Error.WriteLineAsync($"Cannot reach the service at {url}: {ex.Message}");
                return SyndicatorCli.WorkFailed;
            }
            catch (JsonException ex)
            {
                await Console.Error.WriteLineAsync($"The service at {url} answered something that is not the API's JSON: {ex.Message}");
                return SyndicatorCli.WorkFailed;
            }
        });
        return command;
    }
}
