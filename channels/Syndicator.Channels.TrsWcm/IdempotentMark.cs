using RestSharp.Interceptors;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.TrsWcm;

/// <summary>Marks the outgoing message of a request that is safe to repeat, for the channel's inner retry layer.</summary>
internal sealed class IdempotentMark : Interceptor
{
    public static readonly IdempotentMark Instance = new();

    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        ChannelHttp.MarkIdempotent(requestMessage);
        return ValueTask.CompletedTask;
    }
}
