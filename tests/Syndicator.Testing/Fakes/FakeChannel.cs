using System.Collections.Concurrent;
using Syndicator.Core.Channels;

namespace Syndicator.Testing.Fakes;

/// <summary>
/// A connector whose every try does what the test scripted: return outcomes in turn, throw, or hang until cancelled.
/// It records the contexts it was given, but tests should assert on what the store recorded.
/// </summary>
public sealed class FakeChannel : IChannelConnector
{
    private readonly Func<DeliveryContext, CancellationToken, Task<ChannelOutcome>> _behaviour;
    private readonly ConcurrentQueue<DeliveryContext> _calls = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeChannel(Func<DeliveryContext, CancellationToken, Task<ChannelOutcome>> behaviour) => _behaviour = behaviour;

    /// <summary>Every context a try was given, in order.</summary>
    public IReadOnlyCollection<DeliveryContext> Calls => _calls;

    /// <summary>Completes when the first try begins.</summary>
    public Task Started => _started.Task;

    /// <summary>What <see cref="CheckHealthAsync"/> answers. Default: healthy.</summary>
    public ChannelHealth Health { get; set; } = new(ChannelHealthStatus.Healthy, "fake", TimeSpan.Zero);

    /// <summary>Returns <paramref name="outcomes"/> one per try; the last one repeats. None: succeeds with a new remote id.</summary>
    public static FakeChannel Returning(params ChannelOutcome[] outcomes)
    {
        var next = 0;
        return new((context, _) =>
        {
            if (outcomes.Length == 0)
            {
                return Task.FromResult<ChannelOutcome>(Succeeded(context));
            }

            var index = Math.Min(Interlocked.Increment(ref next) - 1, outcomes.Length - 1);
            return Task.FromResult(outcomes[index]);
        });
    }

    /// <summary>Every try throws <paramref name="exception"/>, as a buggy connector would.</summary>
    public static FakeChannel Throwing(Exception exception) => new((_, _) => Task.FromException<ChannelOutcome>(exception));

    /// <summary>Every try hangs until its cancellation token fires, then throws <see cref="OperationCanceledException"/>.</summary>
    public static FakeChannel Hanging() => new(async (_, cancellationToken) =>
    {
        var never = new TaskCompletionSource<ChannelOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = cancellationToken.Register(() => never.TrySetCanceled(cancellationToken));
        return await never.Task;
    });

    /// <summary>The success a platform would answer for <paramref name="context"/>.</summary>
    public static ChannelOutcome.Succeeded Succeeded(DeliveryContext context) =>
        new($"remote-{context.Delivery.ItemId}", new Uri($"https://example.test/{context.Channel}/{context.Delivery.ItemId}.html"));

    public Task<ChannelOutcome> ExecuteAsync(DeliveryContext context, CancellationToken cancellationToken)
    {
        _calls.Enqueue(context);
        _started.TrySetResult();
        return _behaviour(context, cancellationToken);
    }

    public Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult(Health);
}
