using System.IO.Compression;
using System.Text;

namespace Syndicator.Core.Compliance;

/// <summary>
/// Measures a PDF before PdfPig reads it, in one linear pass: the nesting of its arrays and dictionaries, and what each
/// stream inflates to — FlateDecode streams are inflated through a <see cref="CountingStream"/> that stops at the
/// budget, keeping nothing. PdfPig has no decode budget of its own; a file this pass passes cannot make it inflate more
/// than the budget. Image streams count at their stored size (PdfPig decodes an image only when its pixels are asked
/// for, which the text never does). A stream whose inflated size cannot be bounded (a filter chain, LZW, an encrypted
/// file) stops the file rather than being skipped.
/// </summary>
internal static class PdfBudget
{
    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStream = "endstream"u8.ToArray();
    private static readonly byte[] Encrypt = "/Encrypt"u8.ToArray();

    public static void Measure(byte[] pdf, AttachmentBudget budget)
    {
        var maxDepth = budget.Options.MaxDepth;
        var depth = 0;
        var dictStarts = new Stack<int>();
        var lastDict = (Start: -1, End: -1);
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
                        dictStarts.Push(i);
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
                    lastDict = (dictStarts.Count > 0 ? dictStarts.Pop() : i, i + 2);
                    afterDict = depth == 0;
                    i += 2;
                    continue;
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    afterDict = false;
                    break;
                case (byte)'/' when pdf.AsSpan(i).StartsWith(Encrypt):
                    throw budget.Unmeasurable("it is encrypted");
                case (byte)'s' when afterDict && pdf.AsSpan(i).StartsWith(StreamKeyword):
                    i = Stream(pdf, i + StreamKeyword.Length, lastDict, budget);
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

    /// <summary>Measures the stream whose data starts after the keyword; returns where scanning goes on.</summary>
    private static int Stream(byte[] pdf, int at, (int Start, int End) dict, AttachmentBudget budget)
    {
        if (at < pdf.Length && pdf[at] == '\r')
        {
            at++;
        }

        if (at < pdf.Length && pdf[at] == '\n')
        {
            at++;
        }

        var length = pdf.AsSpan(at).IndexOf(EndStream);
        var end = length < 0 ? pdf.Length : at + length;
        var dictionary = Encoding.Latin1.GetString(pdf, dict.Start, dict.End - dict.Start);
        PdfStreamSize.Measure(dictionary, pdf.AsMemory(at, end - at), budget, at);
        budget.Tick();
        return length < 0 ? pdf.Length : end + EndStream.Length;
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
