using System.IO.Compression;
using System.Text;

namespace Syndicator.Core.Compliance;

/// <summary>
/// Measures a PDF before PdfPig reads it, in linear passes: the nesting of its arrays and dictionaries, and what each
/// stream inflates to — inflated through a <see cref="CountingStream"/> that stops at the budget, keeping nothing.
/// PdfPig has no decode budget of its own; a file these passes pass cannot make it inflate more than the budget. A
/// stream whose inflated size cannot be bounded (a filter chain, LZW, an encrypted file) stops the file rather than
/// being skipped.
/// </summary>
internal static class PdfBudget
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStream = "endstream"u8.ToArray();
    private static readonly byte[] Encrypt = "/Encrypt"u8.ToArray();

    public static void Measure(byte[] pdf, AttachmentBudget budget)
    {
        if (pdf.AsSpan().IndexOf(Encrypt) >= 0)
        {
            throw budget.Unmeasurable("it is encrypted");
        }

        Depth(pdf, budget);
        Streams(pdf, budget);
    }

    /// <summary>
    /// Every stream, found by its keyword whatever surrounds it (so that no string, comment or stray byte can hide one
    /// from this pass while a lenient reader still finds it), its data running to the next <c>endstream</c>. The filters
    /// named anywhere between the previous stream's end and the keyword decide how it is measured — the stream's own
    /// dictionary is always in that span, so a decoy there can only make the measure stricter.
    /// </summary>
    private static void Streams(byte[] pdf, AttachmentBudget budget)
    {
        var spanStart = 0;
        var at = 0;
        while (at < pdf.Length)
        {
            var found = pdf.AsSpan(at).IndexOf(StreamKeyword);
            if (found < 0)
            {
                return;
            }

            var keyword = at + found;
            if (keyword >= 3 && pdf.AsSpan(keyword - 3, 3).SequenceEqual("end"u8))
            {
                at = keyword + StreamKeyword.Length;
                continue;
            }

            var data = keyword + StreamKeyword.Length;
            data += data < pdf.Length && pdf[data] == '\r' ? 1 : 0;
            data += data < pdf.Length && pdf[data] == '\n' ? 1 : 0;
            var length = pdf.AsSpan(data).IndexOf(EndStream);
            var end = length < 0 ? pdf.Length : data + length;
            var dictionaries = Encoding.Latin1.GetString(pdf, spanStart, keyword - spanStart);
            PdfStreamSize.Measure(dictionaries, pdf.AsMemory(data, end - data), budget, data);
            budget.Tick();
            spanStart = end;
            at = length < 0 ? pdf.Length : end + EndStream.Length;
        }
    }

    /// <summary>The nesting of arrays and dictionaries outside strings, comments and stream data.</summary>
    private static void Depth(byte[] pdf, AttachmentBudget budget)
    {
        var maxDepth = budget.Options.MaxDepth;
        var depth = 0;
        var afterDict = false;
        var i = 0;
        while (i < pdf.Length)
        {
            var c = pdf[i];
            switch (c)
            {
                case (byte)'%':
                    while (i < pdf.Length && pdf[i] is not ((byte)'\n' or (byte)'\r'))
                    {
                        i++;
                    }

                    continue;
                case (byte)'(':
                    i = SkipString(pdf, i);
                    afterDict = false;
                    continue;
                case (byte)'<' when i + 1 < pdf.Length && pdf[i + 1] == '<':
                case (byte)'[':
                    if (++depth > maxDepth)
                    {
                        throw new AttachmentLimitException(nameof(budget.Options.MaxDepth), maxDepth,
                            $"its arrays and dictionaries nest deeper than {maxDepth} at byte {i}");
                    }

                    if (c == '<')
                    {
                        i++;
                    }

                    afterDict = false;
                    break;
                case (byte)'<':
                    i = Array.IndexOf(pdf, (byte)'>', i);
                    i = i < 0 ? pdf.Length : i + 1;
                    afterDict = false;
                    continue;
                case (byte)'>' when i + 1 < pdf.Length && pdf[i + 1] == '>':
                    depth = Math.Max(0, depth - 1);
                    afterDict = depth == 0;
                    i += 2;
                    continue;
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    afterDict = false;
                    break;
                case (byte)'s' when afterDict && pdf.AsSpan(i).StartsWith(StreamKeyword):
                    var length = pdf.AsSpan(i).IndexOf(EndStream);
                    i = length < 0 ? pdf.Length : i + length + EndStream.Length;
                    afterDict = false;
                    continue;
                default:
                    if (!IsWhitespace(c))
                    {
                        afterDict = false;
                    }

                    break;
            }

            i++;
        }
    }

    /// <summary>The index after a literal string: balanced parentheses, backslash escapes.</summary>
    private static int SkipString(byte[] pdf, int i)
    {
        var open = 0;
        for (; i < pdf.Length; i++)
        {
            switch (pdf[i])
            {
                case (byte)'\\':
                    i++;
                    break;
                case (byte)'(':
                    open++;
                    break;
                case (byte)')' when --open == 0:
                    return i + 1;
            }
        }

        return pdf.Length;
    }

    private static bool IsWhitespace(byte c) => c is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or 0;
}
