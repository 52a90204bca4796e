using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Dispatch;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;

namespace Syndicator.Core.Application;

/// <summary>
/// Intake, the one way an item enters the service, whatever front end carries it: bound → validate →
/// render and sanitize → compliance (all in <see cref="ItemValidator"/>) → accept in one transaction → wake the
/// channels' lanes. Nothing is stored for a refusal.
/// </summary>
/// <remarks>
/// Checking an item costs CPU in proportion to what it carries (sanitizing the body, reading every attachment), so
/// at most <see cref="IntakeOptions.MaxConcurrentChecks"/> items are checked at once; a submission that cannot start
/// its checks within <see cref="IntakeOptions.CheckQueueTimeout"/> is refused as busy rather than piling up.
/// </remarks>
public sealed class IntakeService : IDisposable
{
    private readonly ItemValidator _validator;
    private readonly IItemStore _items;
    private readonly IComplianceStore _compliance;
    private readonly DispatchSignal _signal;
    private readonly IndexNumberScheme? _index;
    private readonly TimeProvider _time;
    private readonly TimeSpan _queueTimeout;
    private readonly SemaphoreSlim _checks;

    public IntakeService(
        ItemValidator validator, IItemStore items, IComplianceStore compliance, DispatchSignal signal,
        IOptions<PublisherOptions> publisher, IOptions<IntakeOptions> options, TimeProvider time)
    {
        _validator = validator;
        _items = items;
        _compliance = compliance;
        _signal = signal;
        _index = publisher.Value.IndexScheme();
        _time = time;
        _queueTimeout = options.Value.CheckQueueTimeout;
        _checks = new SemaphoreSlim(options.Value.MaxConcurrentChecks);
    }

    public async Task<IntakeAnswer> SubmitAsync(SubmittedItem submitted, string actor, CancellationToken cancellationToken)
    {
        if (!await _checks.WaitAsync(_queueTimeout, cancellationToken))
        {
            return IntakeAnswer.Refused(Refusal.Field(RefusalKind.Busy, "Too many items are being checked.", "$",
                $"Every check slot (Intake:MaxConcurrentChecks) stayed busy for {_queueTimeout.TotalSeconds:0} s; send the item again shortly."));
        }

        IntakeResult result;
        try
        {
            result = _validator.Validate(submitted, _time.GetUtcNow());
        }
        finally
        {
            _checks.Release();
        }

        if (result.Error is { } error)
        {
            return IntakeAnswer.Refused(new Refusal((RefusalKind)error.Status, error.Title, "See errors for each field.", error.Errors));
        }

        var item = result.Item!;
        var outcome = await _items.AcceptAsync(item, actor, _index, cancellationToken);
        if (Refuse(item, outcome) is { } refusal)
        {
            return IntakeAnswer.Refused(refusal);
        }

        if (!result.Compliance.IsEmpty)
        {
            // A replay records again what a lost first answer may not have kept; the store keeps it once.
            await _compliance.RecordComplianceAsync(item.Id, item.Revision, result.Compliance, actor, _time.GetUtcNow(), cancellationToken);
        }

        _signal.Notify(item.Channels);
        _signal.NotifyEvents();
        return new IntakeAnswer(item, outcome.Kind == AcceptKind.Replayed, null) { Record = outcome.Record };
    }

    private static Refusal? Refuse(ItemRevision item, AcceptOutcome outcome) => outcome.Kind switch
    {
        AcceptKind.Conflict => Refusal.Field(RefusalKind.Conflict, "This revision was accepted with other content.", "revision",
            $"Revision {item.Revision} of '{item.Id}' was already accepted with different content; send it as revision {outcome.LatestRevision + 1}."),
        AcceptKind.IndexNumberTaken => Refusal.Field(RefusalKind.Unprocessable, "The index number is taken.", "indexNumber",
            $"索引号 {outcome.IndexNumber} belongs to another item; index numbers are unique and never reused. Send another, or none to have one given."),
        AcceptKind.IndexNumberChanged => Refusal.Field(RefusalKind.Unprocessable, "An index number never changes.", "indexNumber",
            $"'{item.Id}' has 索引号 {outcome.IndexNumber}, which never changes; send that number or none."),
        AcceptKind.Stale => Refusal.Field(RefusalKind.Conflict, "A newer revision is accepted.", "revision",
            $"Revision {item.Revision} of '{item.Id}' is older than the accepted revision {outcome.LatestRevision}."),
        _ => null,
    };

    public void Dispose() => _checks.Dispose();
}

/// <summary>What intake did: the accepted revision (<see cref="Replayed"/> when it was already accepted as sent), or why not.</summary>
public sealed record IntakeAnswer(ItemRevision? Item, bool Replayed, Refusal? Refusal)
{
    /// <summary>The item with its deliveries as the accepting transaction left it (null: read it from the store).</summary>
    public ItemRecord? Record { get; init; }

    public static IntakeAnswer Refused(Refusal refusal) => new(null, false, refusal);
}
