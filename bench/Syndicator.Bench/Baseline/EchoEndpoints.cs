using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Syndicator.Bench.Baseline;

/// <summary>
/// Four loopback endpoints that answer at once (or after a fixed latency, like the sandbox's latency fault): one minimal Kestrel app listening on four ports, each port standing
/// for one platform. Every request is counted per port, so the run can check that each got every item once.
/// </summary>
internal sealed class EchoEndpoints : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly long[] _counts;

    private EchoEndpoints(WebApplication app, long[] counts, IReadOnlyList<Uri> addresses)
    {
        _app = app;
        _counts = counts;
        Addresses = addresses;
    }

    public IReadOnlyList<Uri> Addresses { get; }

    public long CountAt(int endpoint) => Interlocked.Read(ref _counts[endpoint]);

    public static async Task<EchoEndpoints> StartAsync(int endpoints, TimeSpan latency = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Clear();
        for (var i = 0; i < endpoints; i++)
        {
            app.Urls.Add("http://127.0.0.1:0");
        }

        var counts = new long[endpoints];
        app.MapPost("/publish/{endpoint:int}", async (int endpoint, HttpRequest request) =>
        {
            // Read the body as a platform would, then answer with an id at once.
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, TimeProvider.System);
            }

            var count = Interlocked.Increment(ref counts[endpoint]);
            return Results.Json(new { id = count, length = body.Length });
        });
        await app.StartAsync();
        var addresses = app.Urls.Select((u, i) => new Uri($"{u.TrimEnd('/')}/publish/{i}")).ToList();
        return new EchoEndpoints(app, counts, addresses);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
