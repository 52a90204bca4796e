using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Syndicator.Core.Alerts;

namespace Syndicator.Host.Alerts;

/// <summary>
/// Sends alerts to the configured robot webhook from a queue, in the background: raising an alert never waits for
/// the robot. The named client <see cref="ClientName"/> retries transient failures a couple of times (Polly); a robot
/// that still refuses is logged — without its URL, which holds its key — and the alert stays in the log.
/// </summary>
internal sealed class WebhookAlerts : BackgroundService, IAlerts
{
    public const string ClientName = "alerts-webhook";

    /// <summary>Alerts waiting beyond this many are dropped, oldest first (a robot down for long must not grow memory).</summary>
    private const int MostQueued = 200;

    private readonly Channel<Alert> _queue = Channel.CreateBounded<Alert>(new BoundedChannelOptions(MostQueued)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>Chinese as itself, not as \u escapes: both robots take UTF-8.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IHttpClientFactory _clients;
    private readonly WebhookOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookAlerts> _logger;

    public WebhookAlerts(IHttpClientFactory clients, IOptions<AlertOptions> options, TimeProvider time, ILogger<WebhookAlerts> logger)
    {
        _clients = clients;
        _options = options.Value.Webhook;
        _time = time;
        _logger = logger;
    }

    public Task RaiseAsync(Alert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _queue.Writer.TryWrite(alert);
        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var alert in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await SendAsync(alert, stoppingToken);
        }
    }

    /// <summary>Posts one alert; every failure is logged here, never thrown.</summary>
    internal async Task SendAsync(Alert alert, CancellationToken cancellationToken)
    {
        var host = _options.Url?.Host ?? "";
        try
        {
            using var client = _clients.CreateClient(ClientName);
            using var response = await client.PostAsJsonAsync(RobotMessages.Address(_options, _time.GetUtcNow()), RobotMessages.Body(alert, _options), Json, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Log.WebhookRefused(_logger, alert.Kind, alert.Subject, host, (int)response.StatusCode, Shorten(answer));
            }
            else if (RobotError(answer) is { } error)
            {
                Log.WebhookRefused(_logger, alert.Kind, alert.Subject, host, (int)response.StatusCode, error);
            }
            else
            {
                Log.WebhookSent(_logger, alert.Kind, alert.Subject, host);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Only the exception's type: an HttpRequestException's message may carry the request's address.
            Log.WebhookFailed(_logger, alert.Kind, alert.Subject, host, ex.GetType().Name);
        }
    }

    /// <summary>Both robots answer 200 with <c>{"errcode":N,"errmsg":"…"}</c>; anything but 0 is a refusal (bad sign, missing keyword, throttled).</summary>
    private static string? RobotError(string answer)
    {
        try
        {
            return JsonNode.Parse(answer) is JsonObject o && o["errcode"] is JsonValue code && code.TryGetValue<int>(out var n) && n != 0
                ? $"errcode {n}: {Shorten(o["errmsg"]?.ToString() ?? "")}"
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
