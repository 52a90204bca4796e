using Microsoft.Extensions.Options;
using Syndicator.Core.Application;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Compliance;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Core.Tests.Support;
using Syndicator.Testing;
using Syndicator.Testing.Fakes;

namespace Syndicator.Core.Tests.Application;

/// <summary>Intake answers only after the store's transaction has committed: nothing is acknowledged before it is on disk.</summary>
public sealed class IntakeServiceTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task SubmitAsync_CommitStillRunning_NoAnswerUntilItReturns()
    {
        var store = new CommitGate(new InMemoryStore());
        var sut = CreateSut(store);

        var answer = sut.SubmitAsync(Item(), "key:office", Ct);
        await store.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(answer.IsCompleted, "intake answered while the accepting transaction had not returned");
        store.Release.SetResult();
        var done = await answer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Null(done.Refusal);
        Assert.Equal("txsl-2026-0042", done.Item!.Id);
    }

    [Fact]
    public async Task SubmitAsync_CommitFails_NoAcceptanceIsAnswered()
    {
        var store = new CommitGate(new InMemoryStore());
        var sut = CreateSut(store);
        store.Release.SetException(new IOException("disk full"));

        await Assert.ThrowsAsync<IOException>(() => sut.SubmitAsync(Item(), "key:office", Ct));
    }

    private static IntakeService CreateSut(IItemStore store)
    {
        var config = TestConfig.From([.. TestConfig.FourChannels]);
        var catalogue = TestConfig.Catalogue(config);
        var validator = new ItemValidator(
            catalogue, Options.Create(new IntakeOptions()), Options.Create(new PublisherOptions()), new BodyRenderer(),
            new ComplianceChecker(Options.Create(new ComplianceOptions()), catalogue));
        return new IntakeService(validator, store, new NoFindings(), new DispatchSignal(), Options.Create(new PublisherOptions()),
            Options.Create(new IntakeOptions()), TimeProvider.System);
    }

    private static SubmittedItem Item() => new()
    {
        Id = "txsl-2026-0042",
        Revision = 1,
        Title = "关于做好2026年汛期安全工作的通知",
        Body = new SubmittedBody { Format = "html", Content = "<p>汛期将至，做好准备。</p>" },
        Category = "工作信息",
        Channels = ["bureau"],
        Approval = new SubmittedApproval { ProvidedBy = "张三", ReviewedBy = ["李四"], ConfidentialityReviewedBy = "王五" },
    };

    /// <summary>A store whose accepting transaction returns only when the test says so (or fails as it says).</summary>
    private sealed class CommitGate(InMemoryStore inner) : IItemStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<AcceptOutcome> AcceptAsync(ItemRevision item, string actor, IndexNumberScheme? index, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Release.Task;
            return await inner.AcceptAsync(item, actor, index, cancellationToken);
        }

        public Task<ItemRecord?> GetAsync(string itemId, CancellationToken cancellationToken) => ((IItemStore)inner).GetAsync(itemId, cancellationToken);

        public Task<IReadOnlyList<ItemRecord>> ListAsync(ItemQuery query, CancellationToken cancellationToken) => inner.ListAsync(query, cancellationToken);

        public Task<ItemRevision?> GetRevisionAsync(string itemId, int revision, CancellationToken cancellationToken) =>
            inner.GetRevisionAsync(itemId, revision, cancellationToken);
    }

    private sealed class NoFindings : IComplianceStore
    {
        public Task<bool> RecordComplianceAsync(
            string itemId, int revision, ComplianceReport report, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<ComplianceRecord?> GetComplianceAsync(string itemId, int revision, CancellationToken cancellationToken) =>
            Task.FromResult<ComplianceRecord?>(null);
    }
}
