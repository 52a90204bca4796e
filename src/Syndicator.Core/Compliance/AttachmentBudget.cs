using System.Globalization;

namespace Syndicator.Core.Compliance;

/// <summary>A bound an attachment reached while its text was read: the setting, its value and what went over it.</summary>
internal sealed class AttachmentLimitException(string setting, object value, string what)
    : Exception($"{what} (Compliance:Attachments:{setting} = {Format(value)})")
{
    public string Setting { get; } = setting;

    private static string Format(object value) => value switch
    {
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>
/// What reading one attachment may still spend: inflated bytes, characters and time. Every reader asks it before it goes
/// on, so that a file stops at the first bound it reaches, not after it has been read whole.
/// </summary>
internal sealed class AttachmentBudget(AttachmentOptions options, CancellationToken deadline)
{
    private long _decoded;
    private long _characters;

    public AttachmentOptions Options { get; } = options;

    /// <summary>Counts <paramref name="bytes"/> more inflated bytes; over the bound, stops reading.</summary>
    public void Decoded(long bytes)
    {
        _decoded += bytes;
        if (_decoded > Options.MaxDecodedBytes)
        {
            throw new AttachmentLimitException(nameof(Options.MaxDecodedBytes), Options.MaxDecodedBytes,
                $"its content inflates to more than {Options.MaxDecodedBytes:N0} bytes");
        }

        Tick();
    }

    /// <summary>Counts <paramref name="count"/> more characters of text; over the bound, stops reading.</summary>
    public void Characters(long count)
    {
        _characters += count;
        if (_characters > Options.MaxCharacters)
        {
            throw new AttachmentLimitException(nameof(Options.MaxCharacters), Options.MaxCharacters,
                $"its text is longer than {Options.MaxCharacters:N0} characters");
        }
    }

    /// <summary>Stops reading once the deadline has passed.</summary>
    public void Tick()
    {
        if (deadline.IsCancellationRequested)
        {
            throw new AttachmentLimitException(nameof(Options.Deadline), Options.Deadline, "reading its text took too long");
        }
    }

    /// <summary>A measure that cannot be taken counts as the whole budget: the file is not read.</summary>
    public AttachmentLimitException Unmeasurable(string why) =>
        new(nameof(Options.MaxDecodedBytes), Options.MaxDecodedBytes, $"{why}, so what it inflates to cannot be bounded before reading");
}

/// <summary>A read-only view of an inflating stream that counts every byte it gives against the budget.</summary>
internal sealed class CountingStream(Stream inner, AttachmentBudget budget) : Stream
{
    /// <summary>The bytes given so far.</summary>
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count += read;
        budget.Decoded(read);
        return read;
    }

    /// <summary>Reads to the end, keeping nothing.</summary>
    public void Drain()
    {
        var scratch = new byte[81920];
        while (Read(scratch) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
