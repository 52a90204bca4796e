using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndicator.Bench.Anchors;

/// <summary>
/// The anchors' receiver: one minimal Kestrel app on loopback with one endpoint per channel (<c>POST /hook/{n}</c>).
/// Each request is read to its end, held for the current latency, answered <c>200 {}</c>, and recorded: endpoint,
/// <c>webhook-id</c>, the payload's <c>itemId</c> (found by a byte search, nothing parsed or verified) and when it
/// was answered (<see cref="Stopwatch"/> ticks). Health probes (<c>webhook-id</c> starting <c>ping_</c>) are answered and not recorded.
/// </summary>
internal sealed class StubReceiver : IAsyncDisposable
{
    private static readonly byte[] ItemIdKey = "\"itemId\":\""u8.ToArray();
    private static readonly byte[] Answer = "{}"u8.ToArray();

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, long>[] _firstByItem;
    private ConcurrentQueue<Receipt> _receipts = new();
    private int _latencyMs;

    private StubReceiver(WebApplication app, int endpoints)
    {
        _app = app;
        _firstByItem = Enumerable.Range(0, endpoints).Select(_ => new ConcurrentDictionary<string, long>(StringComparer.Ordinal)).ToArray();
    }

    public IReadOnlyList<Uri> Addresses { get; private set; } = [];

    /// <summary>How long each request is held before it is answered.</summary>
    public int LatencyMs
    {
        get => Volatile.Read(ref _latencyMs);
        set => Volatile.Write(ref _latencyMs, value);
    }

    /// <summary>Distinct items each endpoint has answered since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<int> ItemsAt => _firstByItem.Select(d => d.Count).ToList();

    /// <summary>Every recorded request since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<Receipt> Receipts => [.. _receipts];

    public static async Task<StubReceiver> StartAsync(int endpoints)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024 * 1024);
        var app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        var stub = new StubReceiver(app, endpoints);
        app.MapPost("/hook/{endpoint:int}", stub.ReceiveAsync);
        await app.StartAsync();
        var root = app.Urls.Single().TrimEnd('/');
        stub.Addresses = Enumerable.Range(0, endpoints).Select(i => new Uri($"{root}/hook/{i}")).ToList();
        return stub;
    }

    /// <summary>Forgets every record (between runs).</summary>
    public void Reset()
    {
        foreach (var byItem in _firstByItem)
        {
            byItem.Clear();
        }

        _receipts = new ConcurrentQueue<Receipt>();
    }

    private async Task ReceiveAsync(int endpoint, HttpContext context)
    {
        if (endpoint < 0 || endpoint >= _firstByItem.Length)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var body = new MemoryStream((int)Math.Min(context.Request.ContentLength ?? 8192, 1 << 20));
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var latency = LatencyMs;
        if (latency > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), TimeProvider.System, context.RequestAborted);
        }

        var webhookId = context.Request.Headers["webhook-id"].ToString();
        if (!webhookId.StartsWith("ping_", StringComparison.Ordinal))
        {
            var at = Stopwatch.GetTimestamp();
            var itemId = ItemIdOf(body.GetBuffer().AsSpan(0, (int)body.Length)) ?? "(none)";
            _receipts.Enqueue(new Receipt(endpoint, webhookId, itemId, at));
            _firstByItem[endpoint].TryAdd(itemId, at);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Answer, context.RequestAborted);
    }

    private static string? ItemIdOf(ReadOnlySpan<byte> body)
    {
        var at = body.IndexOf(ItemIdKey);
        if (at < 0)
        {
            return null;
        }

        var rest = body[(at + ItemIdKey.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request the stub answered: which endpoint, its <c>webhook-id</c>, the item it carried, when (Stopwatch ticks).</summary>
internal sealed record Receipt(int Endpoint, string WebhookId, string ItemId, long AnsweredAt);
