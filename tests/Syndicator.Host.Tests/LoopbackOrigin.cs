using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndicator.Host.Tests;

/// <summary>A web origin on loopback that keeps every request it receives and answers as told.</summary>
public sealed class LoopbackOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Request> _requests = new();

    private LoopbackOrigin(WebApplication app) => _app = app;

    /// <summary>How every request is answered; by default a small page.</summary>
    public Func<HttpContext, Task> Answer { get; set; } = context => context.Response.WriteAsync("<html><body><h1>t</h1><p>b</p></body></html>");

    public IReadOnlyList<Request> Requests => [.. _requests];

    public Uri BaseAddress => new(_app.Urls.First().TrimEnd('/') + "/");

    /// <summary>The port, for addressing the same origin by another name (<c>localhost</c>).</summary>
    public int Port => BaseAddress.Port;

    public static async Task<LoopbackOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var origin = new LoopbackOrigin(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            origin._requests.Enqueue(new Request(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                string.Join("\n", context.Request.Headers.Select(h => $"{h.Key}: {h.Value}")),
                body));
            await origin.Answer(context);
        });
        await app.StartAsync();
        return origin;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>One request as received: method, path and query, every header as text, the body.</summary>
    public sealed record Request(string Method, string PathAndQuery, string Headers, string Body);
}
