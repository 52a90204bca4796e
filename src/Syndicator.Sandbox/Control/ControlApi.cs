using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Syndicator.Sandbox.Channels;
using Syndicator.Sandbox.Faults;

namespace Syndicator.Sandbox.Control;

/// <summary>The sandbox control API (DESIGN §7, a contract): articles, stats, faults and reset.</summary>
internal static class ControlApi
{
    public static IEndpointRouteBuilder MapSandboxControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/_sandbox");
        api.MapPost("/reset", Reset);
        api.MapGet("/{channel}/articles", GetArticles);
        api.MapGet("/{channel}/stats", GetStats);
        api.MapGet("/{channel}/faults", GetFaults);
        api.MapPost("/{channel}/faults", AddFault);
        api.MapDelete("/{channel}/faults", ClearFaults);
        api.MapPost("/{channel}/articles/{remoteId}/edit", ArticleEdits.Edit);
        api.MapPost("/{channel}/articles/{remoteId}/delete", ArticleEdits.Delete);
        return app;
    }

    public static NoContent Reset(SandboxChannels channels, ILogger<SandboxChannels> logger)
    {
        foreach (var channel in channels.All)
        {
            channel.Reset();
        }

        Log.SandboxReset(logger);
        return TypedResults.NoContent();
    }

    public static Results<Ok<SandboxArticle[]>, ProblemHttpResult> GetArticles(string channel, SandboxChannels channels, HttpRequest request)
    {
        if (!channels.TryGet(channel, out var found))
        {
            return UnknownChannel(channel, channels);
        }

        var origin = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return TypedResults.Ok(found.Emulator.Articles()
            .Select(a => a.Url.StartsWith('/') ? a with { Url = origin + a.Url } : a)
            .ToArray());
    }

    public static Results<Ok<StatsSnapshot>, ProblemHttpResult> GetStats(string channel, SandboxChannels channels) =>
        channels.TryGet(channel, out var found) ? TypedResults.Ok(found.Stats.Snapshot()) : UnknownChannel(channel, channels);

    public static Results<Ok<IReadOnlyList<FaultView>>, ProblemHttpResult> GetFaults(string channel, SandboxChannels channels, TimeProvider time) =>
        channels.TryGet(channel, out var found)
            ? TypedResults.Ok(found.Faults.Active(time.GetUtcNow()))
            : UnknownChannel(channel, channels);

    public static async Task<Results<Ok<FaultView>, ValidationProblem, ProblemHttpResult>> AddFault(
        string channel, HttpRequest request, SandboxChannels channels, TimeProvider time, ILogger<SandboxChannels> logger)
    {
        if (!channels.TryGet(channel, out var found))
        {
            return UnknownChannel(channel, channels);
        }

        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException exception)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["$"] = [exception.Message] });
        }

        var (fault, errors) = FaultParser.Parse(body, time.GetUtcNow());
        if (fault is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The fault is not valid.");
        }

        found.Faults.Add(fault);
        Log.FaultAdded(logger, found.Name, fault.ToString());
        return TypedResults.Ok(fault.ToView());
    }

    public static Results<NoContent, ProblemHttpResult> ClearFaults(string channel, SandboxChannels channels, ILogger<SandboxChannels> logger)
    {
        if (!channels.TryGet(channel, out var found))
        {
            return UnknownChannel(channel, channels);
        }

        found.Faults.Clear();
        Log.FaultsCleared(logger, found.Name);
        return TypedResults.NoContent();
    }

    internal static ProblemHttpResult UnknownChannel(string channel, SandboxChannels channels) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown sandbox channel.",
        detail: $"No emulator serves the channel '{channel}'. Known channels: {string.Join(", ", channels.All.Select(static c => c.Name))}.");
}
