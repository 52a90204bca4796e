namespace Syndicator.Core.Compliance;

/// <summary>
/// The process's limit on attachments read at once (<see cref="AttachmentOptions.MaxConcurrent"/>) and each reading's
/// deadline (<see cref="AttachmentOptions.Deadline"/>), both decided before the reading starts.
/// </summary>
internal sealed class AttachmentGate(
    AttachmentOptions options, Func<Items.MediaFile, CancellationToken, AttachmentReading>? read = null) : IDisposable
{
    private readonly SemaphoreSlim _places = new(options.MaxConcurrent, options.MaxConcurrent);
    private readonly Func<Items.MediaFile, CancellationToken, AttachmentReading> _read =
        read ?? ((file, deadline) => AttachmentText.Read(file, options, deadline));

    /// <summary>Readings under way now.</summary>
    public int InUse => options.MaxConcurrent - _places.CurrentCount;

    public AttachmentReading Read(Items.MediaFile file)
    {
        if (!_places.Wait(options.Deadline))
        {
            var busy = new AttachmentLimitException(nameof(options.MaxConcurrent), options.MaxConcurrent,
                $"{options.MaxConcurrent} other attachments were being read for longer than Compliance:Attachments:Deadline ({options.Deadline:c}); send the item again");
            return new(null, null, busy.Message, Busy: true);
        }

        try
        {
            using var deadline = new CancellationTokenSource(options.Deadline);
            return _read(file, deadline.Token);
        }
        finally
        {
            _places.Release();
        }
    }

    public void Dispose() => _places.Dispose();
}
