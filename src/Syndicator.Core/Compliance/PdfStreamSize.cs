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

    private static readonly System.Buffers.SearchValues<char> NameEnds = System.Buffers.SearchValues.Create(" \r\n\t\f/[]<>()");

    public static void Measure(string dictionary, ReadOnlyMemory<byte> data, AttachmentBudget budget, int offset)
    {
        var filters = Filters(dictionary);
        if (filters is null)
        {
            throw budget.Unmeasurable($"the stream at byte {offset} names its filter indirectly");
        }

        if (filters.Count == 0 || IsImage(dictionary) || filters.All(ImageCodecs.Contains))
        {
            budget.Decoded(data.Length);
            return;
        }

        switch (filters)
        {
            case ["FlateDecode" or "Fl"]:
                Inflate(data, budget);
                return;
            case ["ASCIIHexDecode" or "AHx"]:
                budget.Decoded(data.Length / 2 + 1);
                return;
            case ["ASCII85Decode" or "A85"]:
                var z = data.Span.Count((byte)'z');
                budget.Decoded(((long)data.Length - z) * 4 / 5 + 4 + z * 4L);
                return;
            case ["RunLengthDecode" or "RL"]:
                budget.Decoded(RunLength(data.Span));
                return;
            default:
                throw budget.Unmeasurable($"the stream at byte {offset} uses the filters {string.Join(" ", filters)}");
        }
    }

    /// <summary>Inflates as PdfPig does (zlib header skipped, raw deflate), keeping nothing; a broken stream counts what it gave.</summary>
    private static void Inflate(ReadOnlyMemory<byte> data, AttachmentBudget budget)
    {
        if (data.Length <= 2)
        {
            return;
        }

        var bytes = MemoryMarshal.TryGetArray(data, out var segment) ? segment : new ArraySegment<byte>(data.ToArray());
        try
        {
            using var source = new MemoryStream(bytes.Array!, bytes.Offset + 2, bytes.Count - 2, writable: false);
            using var counting = new CountingStream(new DeflateStream(source, CompressionMode.Decompress), budget);
            counting.Drain();
        }
        catch (InvalidDataException)
        {
            // What a damaged stream gave before it broke is counted; PdfPig gets no more out of it.
        }
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

    private static bool IsImage(string dictionary)
    {
        var at = dictionary.IndexOf("/Subtype", StringComparison.Ordinal);
        return at >= 0 && dictionary.AsSpan(at + 8).TrimStart().StartsWith("/Image", StringComparison.Ordinal);
    }

    /// <summary>The filter names (none: empty); null when the filter is an indirect reference.</summary>
    internal static List<string>? Filters(string dictionary)
    {
        var at = FilterKey(dictionary);
        if (at < 0)
        {
            return [];
        }

        var rest = dictionary.AsSpan(at).TrimStart();
        var names = new List<string>();
        if (rest.StartsWith("/"))
        {
            names.Add(Name(rest[1..]));
            return names;
        }

        if (!rest.StartsWith("["))
        {
            return null;
        }

        var close = rest.IndexOf(']');
        var list = close < 0 ? rest[1..] : rest[1..close];
        foreach (var part in list.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            names.Add(Name(part));
        }

        return names;
    }

    /// <summary>The index after the stream dictionary's own <c>/Filter</c> key (not <c>/FilterX</c>), or -1.</summary>
    private static int FilterKey(string dictionary)
    {
        for (var at = dictionary.IndexOf("/Filter", StringComparison.Ordinal); at >= 0;
             at = dictionary.IndexOf("/Filter", at + 7, StringComparison.Ordinal))
        {
            var next = at + 7 < dictionary.Length ? dictionary[at + 7] : ' ';
            if (!char.IsLetterOrDigit(next))
            {
                return at + 7;
            }
        }

        return -1;
    }

    private static string Name(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny(NameEnds);
        return (end < 0 ? text : text[..end]).ToString();
    }
}
