using System.Buffers.Binary;
using System.IO.Compression;

namespace Syndicator.Core.Compliance;

/// <summary>
/// Measures a zip-based document (DOCX) before it is parsed: the entry count from the end-of-central-directory record
/// (before any entry is listed), each entry's declared size and ratio, their total, and then what every entry really
/// inflates to, through a <see cref="CountingStream"/> that stops at the budget (declared sizes can lie).
/// </summary>
internal static class ZipBudget
{
    /// <summary>Entries smaller than this, inflated, are not judged by their ratio (a small file of spaces is no threat).</summary>
    private const long RatioGrace = 100 * 1024;

    public static void Measure(byte[] zip, AttachmentBudget budget)
    {
        var o = budget.Options;
        if (DeclaredEntries(zip) is { } declared && declared > o.MaxEntries)
        {
            throw new AttachmentLimitException(nameof(o.MaxEntries), o.MaxEntries, $"it holds {declared:N0} files, more than {o.MaxEntries:N0}");
        }

        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > o.MaxEntries)
        {
            throw new AttachmentLimitException(nameof(o.MaxEntries), o.MaxEntries, $"it holds {archive.Entries.Count:N0} files, more than {o.MaxEntries:N0}");
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            total += entry.Length;
            Ratio(entry.FullName, entry.Length, entry.CompressedLength, budget);
        }

        if (total > o.MaxDecodedBytes)
        {
            throw new AttachmentLimitException(nameof(o.MaxDecodedBytes), o.MaxDecodedBytes,
                $"its files declare {total:N0} bytes inflated, more than {o.MaxDecodedBytes:N0}");
        }

        foreach (var entry in archive.Entries)
        {
            using var counting = new CountingStream(entry.Open(), budget);
            counting.Drain();
            Ratio(entry.FullName, counting.Count, entry.CompressedLength, budget);
        }
    }

    private static void Ratio(string name, long inflated, long stored, AttachmentBudget budget)
    {
        var max = budget.Options.MaxCompressionRatio;
        if (inflated > RatioGrace && inflated > Math.Max(stored, 1) * max)
        {
            throw new AttachmentLimitException(nameof(budget.Options.MaxCompressionRatio), max,
                $"its part '{Short(name)}' inflates more than {max} times ({stored:N0} bytes stored)");
        }
    }

    private static string Short(string name) => name.Length <= 80 ? name : name[..80] + "…";

    /// <summary>The entry count the end-of-central-directory record declares (Zip64 when it says so); null when there is none.</summary>
    private static long? DeclaredEntries(byte[] zip)
    {
        var lowest = Math.Max(0, zip.Length - 22 - ushort.MaxValue);
        for (var at = zip.Length - 22; at >= lowest; at--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at)) != 0x06054b50)
            {
                continue;
            }

            long count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 10));
            if (count == ushort.MaxValue && at >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(at - 20)) == 0x07064b50)
            {
                var zip64 = BinaryPrimitives.ReadInt64LittleEndian(zip.AsSpan(at - 12));
                if (zip64 >= 0 && zip64 <= zip.Length - 40 && BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan((int)zip64)) == 0x06064b50)
                {
                    count = BinaryPrimitives.ReadInt64LittleEndian(zip.AsSpan((int)zip64 + 32));
                }
            }

            return count;
        }

        return null;
    }
}
