using Microsoft.Extensions.Http.Resilience;
using Polly;
using Syndicator.Core;
using Syndicator.Core.Channels;

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
/// </remarks>
internal static class ChannelHttpClients
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        foreach (var channel in CoreServiceCollectionExtensions.ReadChannels(configuration))
        {
            var name = ChannelHttp.ClientName(channel.Id);
            services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
                .AddResilienceHandler(name, pipeline =>
                {
                    if (channel.Options.RequestRetries > 0)
                    {
                        pipeline.AddRetry(new HttpRetryStrategyOptions
                        {
                            MaxRetryAttempts = channel.Options.RequestRetries,
                            Delay = TimeSpan.FromMilliseconds(200),
                            BackoffType = DelayBackoffType.Exponential,
                            UseJitter = true,
                            ShouldHandle = args => ValueTask.FromResult(
                                ChannelHttp.IsIdempotent(args.Context.GetRequestMessage())
                                && HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                        });
                    }

                    pipeline.AddTimeout(channel.Options.RequestTimeout > TimeSpan.Zero ? channel.Options.RequestTimeout : TimeSpan.FromSeconds(20));
                });
        }
    }
}
