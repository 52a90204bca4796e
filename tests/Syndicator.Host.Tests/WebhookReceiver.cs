using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndicator.Host.Tests;

/// <summary>A chat robot on loopback: keeps every message posted to it and answers as DingTalk and WeCom do.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _messages = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>The status every request is answered with (200 by default).</summary>
    public int AnswerStatus { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<Received> Messages => [.. _messages];

    public Uri BaseAddress => new(_app.Urls.First().TrimEnd('/') + "/");

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            receiver._messages.Enqueue(new Received(context.Request.Path + context.Request.QueryString, body.RootElement.Clone()));
            context.Response.StatusCode = receiver.AnswerStatus;
            await context.Response.WriteAsJsonAsync(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One message: the path and query it was posted to, and its JSON body.</summary>
    public sealed record Received(string PathAndQuery, JsonElement Body)
    {
        public string? Query(string name) =>
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + PathAndQuery).Query).TryGetValue(name, out var v) ? v.ToString() : null;
    }
}
