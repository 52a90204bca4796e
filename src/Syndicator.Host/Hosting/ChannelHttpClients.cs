using Microsoft.Extensions.Http.Resilience;
using Polly;
using Syndicator.Core;
using Syndicator.Core.Channels;
using Syndicator.Channels.Toolkit;
using Syndicator.Host.GoLive;

namespace Syndicator.Host.Hosting;

/// <summary>
/// One named HttpClient per configured channel, so each channel's connections, timeouts and retries are its own.
/// </summary>
/// <remarks>
/// The two retry layers of DESIGN §9 must not multiply: this inner layer (Polly, through
/// Microsoft.Extensions.Http.Resilience) retries a few times within one try, quickly and with jitter, and only calls
/// a connector marked safe to repeat (<see cref="ChannelHttp.MarkIdempotent"/>); everything else is left to the
/// durable schedule across tries. The client's own timeout is off: each call has the pipeline's
/// <see cref="ChannelOptions.RequestTimeout"/>, and the whole try the dispatcher's AttemptTimeout.
/// No channel client follows redirects: a redirect would carry the channel's credentials (SSCMS's
/// <c>X-SS-API-KEY</c>, and on 307/308 a body with the JCMS password or the WeChat AppSecret) to wherever it points.
/// A 3xx is an answer the connector reads like any other that is not a success (TRS WCM's login reads its 302 so).
/// Public pages are read over a separate client (<see cref="PageHttpClients"/>).
/// </remarks>
internal static class ChannelHttpClients
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var channel in CoreServiceCollectionExtensions.ReadChannels(configuration))
        {
            var name = ChannelHttp.ClientName(channel.Id);
            var options = channel.Options;
            var perCall = options.RequestTimeout > TimeSpan.Zero ? options.RequestTimeout : TimeSpan.FromSeconds(20);
            PageHttpClients.Add(services, channel, perCall);
            // Connectors keep one client per channel for the process's life (ChannelHttp): the factory's handler
            // rotation would not reach it, so connections are recycled by the handler itself.
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .UseSocketsHttpHandler((handler, _) =>
                {
                    handler.AllowAutoRedirect = false;
                    handler.PooledConnectionLifetime = ChannelHttp.ConnectionLifetime;
                })
                .SetHandlerLifetime(Timeout.InfiniteTimeSpan)

                // Outermost, so the go-live probe sees each call as the connector made it; idle unless a probe runs.
                .AddHttpMessageHandler(() => new ProbeRecordingHandler())
                .AddResilienceHandler(name, pipeline =>
                {
                    // Outermost: the whole call, inner retries and their waits included, never outlasts this.
                    pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                    {
                        Name = "total",
                        Timeout = perCall * (options.RequestRetries + 1) + TimeSpan.FromSeconds(options.RequestRetries),
                    });

                    if (options.RequestRetries > 0)
                    {
                        pipeline.AddRetry(new HttpRetryStrategyOptions
                        {
                            MaxRetryAttempts = options.RequestRetries,
                            Delay = TimeSpan.FromMilliseconds(200),
                            BackoffType = DelayBackoffType.Exponential,
                            UseJitter = true,
                            ShouldHandle = args => ValueTask.FromResult(
                                ChannelHttp.IsIdempotent(args.Context.GetRequestMessage())
                                && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                        });
                    }

                    // Within one process, a platform failing most calls is left alone for a moment instead of being
                    // hammered by every running try; a rejected call never left, and the connector treats it like any
                    // call whose answer it did not get (look up before sending again). The lane's own circuit
                    // (ChannelCircuit) then stops claiming, so deliveries wait instead of using up attempts.
                    pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = 0.5,
                        MinimumThroughput = Math.Max(options.CircuitFailures * 2, 4),
                        SamplingDuration = TimeSpan.FromSeconds(30),
                        BreakDuration = options.RequestCircuitBreak,
                    });

                    pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Name = "call", Timeout = perCall });
                });
        }
    }
}
