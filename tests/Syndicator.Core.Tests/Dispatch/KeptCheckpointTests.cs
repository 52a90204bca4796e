using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Storage;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests.Dispatch;

/// <summary>
/// A checkpoint kept rather than saved costs no write of its own: it goes to the store with the try's outcome.
/// </summary>
public sealed class KeptCheckpointTests
{
    [Fact]
    public async Task RunAsync_ConnectorKeepsCheckpointThenReturns_NoSaveAndCheckpointCompletedWithTheOutcome()
    {
        var sut = new DispatchHarness();
        var kept = Checkpoint.Empty.With("publish_id", "42");
        sut.Connectors.With("bureau", new FakeChannel((context, _) =>
        {
            context.KeepCheckpoint(kept);
            return Task.FromResult<ChannelOutcome>(new ChannelOutcome.Pending(TimeSpan.FromMinutes(1), "submitted"));
        }));
        await sut.AcceptAsync(Some.Item(channels: ["bureau"]));
        var recorder = RecordingStore.Over(sut.Deliveries);
        var runner = Runner(sut, recorder);

        await runner.RunAsync(await sut.ClaimAsync("bureau"), CancellationToken.None);

        var calls = ((RecordingStore)(object)recorder).Calls;
        Assert.DoesNotContain(nameof(IDeliveryStore.SaveCheckpointAsync), calls.Select(c => c.Method));
        var completed = Assert.Single(calls, c => c.Method == nameof(IDeliveryStore.CompleteAsync));
        Assert.Equal(kept.ToJson(), ((TryResult)completed.Args[1]!).Checkpoint?.ToJson());
    }

    [Fact]
    public async Task SaveCheckpointAsync_AfterKeep_WrittenAtOnceAndNothingLeftToFold()
    {
        var saved = new List<Checkpoint>();
        var context = new DeliveryContext(
            Delivery(), DeliveryOperation.Publish, Some.Item(), null, (c, _) => { saved.Add(c); return Task.CompletedTask; });
        var first = Checkpoint.Empty.With("draft", "d1");
        var second = first.With("step", "submit_sent");

        context.KeepCheckpoint(first);
        var unsavedAfterKeep = context.Unsaved;
        await context.SaveCheckpointAsync(second, CancellationToken.None);

        Assert.Equal(first, unsavedAfterKeep);
        Assert.Equal([second], saved);
        Assert.Null(context.Unsaved);
        Assert.Equal(second, context.Checkpoint);
    }

    private static Delivery Delivery() => new()
    {
        Id = "d",
        ItemId = "item",
        Revision = 1,
        Channel = "bureau",
        Operation = DeliveryOperation.Publish,
        Status = DeliveryStatus.InProgress,
        CreatedAt = Some.Instant(),
        UpdatedAt = Some.Instant(),
    };

    /// <summary>The harness's runner, over <paramref name="deliveries"/>; built by type, whatever the constructor's order.</summary>
    private static DeliveryRunner Runner(DispatchHarness sut, IDeliveryStore deliveries)
    {
        var services = new ServiceCollection()
            .AddSingleton(new RevisionCache(sut.Store))
            .AddSingleton(deliveries)
            .AddSingleton(new ConnectorRegistry(sut.Catalogue, [sut.Connectors]))
            .AddSingleton(sut.Catalogue)
            .AddSingleton(new DeliveryStateMachine(new RetryOptions(), () => 0.5))
            .AddSingleton(new DispatchSignal())
            .AddSingleton(sut.Gates)
            .AddSingleton<TimeProvider>(sut.Time)
            .AddSingleton(Options.Create(new DispatcherOptions()))
            .AddSingleton<ILogger<DeliveryRunner>>(NullLogger<DeliveryRunner>.Instance)
            .BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<DeliveryRunner>(services);
    }

    /// <summary>An <see cref="IDeliveryStore"/> that records every call and passes it on.</summary>
    public class RecordingStore : DispatchProxy
    {
        private IDeliveryStore _inner = null!;

        public List<(string Method, object?[] Args)> Calls { get; } = [];

        public static IDeliveryStore Over(IDeliveryStore inner)
        {
            var proxy = Create<IDeliveryStore, RecordingStore>();
            ((RecordingStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            lock (Calls)
            {
                Calls.Add((targetMethod!.Name, args ?? []));
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
