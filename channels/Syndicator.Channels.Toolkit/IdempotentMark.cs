using RestSharp.Interceptors;

namespace Syndicator.Channels.Toolkit;

/// <summary>
/// Marks the outgoing message of a RestSharp request that is safe to repeat, for the channel's inner retry layer:
/// <c>request.Interceptors = [IdempotentMark.Instance]</c>.
/// </summary>
public sealed class IdempotentMark : Interceptor
{
    public static readonly IdempotentMark Instance = new();

    private IdempotentMark()
    {
    }

    public override ValueTask BeforeHttpRequest(HttpRequestMessage requestMessage, CancellationToken cancellationToken)
    {
        ChannelHttp.MarkIdempotent(requestMessage);
        return ValueTask.CompletedTask;
    }
}
