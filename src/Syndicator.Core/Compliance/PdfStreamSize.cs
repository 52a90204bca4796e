using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Syndicator.Core.Compliance;

/// <summary>What one PDF stream can decode to, counted against the budget (see <see cref="PdfBudget"/>).</summary>
internal static class PdfStreamSize
{
    /// <summary>Image codecs PdfPig does not decode when it reads text; their stored size is what they cost.</summary>
    private static readonly HashSet<string> ImageCodecs = new(StringComparer.Ordinal)
    {
        "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode",
    };

    /// <summary>Filters whose output this pass can bound alone: the image codecs, deflate and the byte encodings.</summary>
    private static readonly HashSet<string> Measurable = new(StringComparer.Ordinal)
    {
        "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode", "FlateDecode", "Fl",
        "ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL",
    };

    private static readonly System.Buffers.SearchValues<char> NameEnds = System.Buffers.SearchValues.Create(" \r\n\t\f/[]<>()");

    /// <summary>
    /// Counts what the stream can decode to. <paramref name="dictionaries"/> is the text before the keyword (back to the
    /// previous stream), holding the stream's own dictionary and perhaps others: every filter named there counts. Only
    /// when all of them are image codecs (which PdfPig never decodes for text) is the stored size the cost; otherwise the
    /// data is inflated whatever the dictionary claims, and a filter that cannot be bounded stops the file.
    /// </summary>
    public static void Measure(string dictionaries, ReadOnlyMemory<byte> data, AttachmentBudget budget, int offset)
    {
        var filters = new List<string>();
        foreach (var named in FilterLists(dictionaries))
        {
            if (named is null)
            {
                throw budget.Unmeasurable($"the stream at byte {offset} names its filter indirectly");
            }

            if ((named.Count > 1 && !named.All(ImageCodecs.Contains)) || named.Any(f => !Measurable.Contains(f)))
            {
                throw budget.Unmeasurable($"the stream at byte {offset} uses the filters {string.Join(" ", named)}");
            }

            filters.AddRange(named);
        }

        if (filters.Count > 0 && filters.All(ImageCodecs.Contains))
        {
            budget.Decoded(data.Length);
            return;
        }

        if (Inflate(data, budget) > 0)
        {
            return;
        }

        budget.Decoded(
            filters.Contains("ASCII85Decode") || filters.Contains("A85") ? Ascii85(data.Span)
            : filters.Contains("RunLengthDecode") || filters.Contains("RL") ? Math.Max(data.Length, RunLength(data.Span))
            : data.Length);
    }

    private static long Ascii85(ReadOnlySpan<byte> data)
    {
        var z = data.Count((byte)'z');
        return ((long)data.Length - z) * 4 / 5 + 4 + z * 4L;
    }

    /// <summary>
    /// Inflates the data, keeping nothing, as zlib (header skipped, as PdfPig reads it) and, when that gives nothing, as
    /// raw deflate; returns the bytes it gave. A broken stream counts what it gave before it broke.
    /// </summary>
    private static long Inflate(ReadOnlyMemory<byte> data, AttachmentBudget budget)
    {
        var bytes = MemoryMarshal.TryGetArray(data, out var segment) ? segment : new ArraySegment<byte>(data.ToArray());
        var given = data.Length > 2 ? InflateFrom(bytes, 2, budget) : 0;
        return given > 0 ? given : InflateFrom(bytes, 0, budget);
    }

    private static long InflateFrom(ArraySegment<byte> bytes, int skip, AttachmentBudget budget)
    {
        using var source = new MemoryStream(bytes.Array!, bytes.Offset + skip, bytes.Count - skip, writable: false);
        using var counting = new CountingStream(new DeflateStream(source, CompressionMode.Decompress), budget);
        try
        {
            counting.Drain();
        }
        catch (InvalidDataException)
        {
            // Not deflate, or damaged: what it gave is counted; no reader gets more out of it.
        }

        return counting.Count;
    }

    /// <summary>The exact decoded length of RunLengthDecode data.</summary>
    private static long RunLength(ReadOnlySpan<byte> data)
    {
        long total = 0;
        for (var i = 0; i < data.Length;)
        {
            var n = data[i];
            if (n == 128)
            {
                break;
            }

            total += n < 128 ? n + 1 : 257 - n;
            i += n < 128 ? n + 2 : 2;
        }

        return total;
    }

    /// <summary>The filter list after every <c>/Filter</c> key in the text; null for one named by an indirect reference.</summary>
    internal static IEnumerable<List<string>?> FilterLists(string text)
    {
        for (var at = text.IndexOf("/Filter", StringComparison.Ordinal); at >= 0; at = text.IndexOf("/Filter", at + 7, StringComparison.Ordinal))
        {
            if (at + 7 < text.Length && char.IsLetterOrDigit(text[at + 7]))
            {
                continue;
            }

            var rest = text.AsSpan(at + 7).TrimStart();
            if (rest.StartsWith("/"))
            {
                yield return [Name(rest[1..])];
            }
            else if (rest.StartsWith("["))
            {
                var close = rest.IndexOf(']');
                var list = (close < 0 ? rest[1..] : rest[1..close]).ToString();
                yield return [.. list.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => Name(n))];
            }
            else
            {
                yield return null;
            }
        }
    }

    private static string Name(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(NameEnds);
        return (end < 0 ? text : text[..end]).ToString();
    }
}
