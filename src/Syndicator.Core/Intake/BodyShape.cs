using System.Globalization;

namespace Syndicator.Core.Intake;

/// <summary>
/// The checks on a body that run before any parser sees it, each linear in its length: its length, the characters its
/// numeric character references stand for, its nesting depth and element count (raw HTML, and markdown's block
/// quotes and lists). A body that passes them parses in bounded time and space.
/// </summary>
internal static class BodyShape
{
    private const string Field = "body.content";

    /// <summary>Link destinations times the length of their lines: 50 million is a few hundred milliseconds of Markdig.</summary>
    private const long MaxLinkWork = 50_000_000;

    /// <summary>Adds an error naming <c>body.content</c> for each limit broken; true when the body may be parsed.</summary>
    public static bool Check(string format, string content, IntakeOptions limits, FieldErrors errors)
    {
        if (content.Length > limits.MaxBodyLength)
        {
            errors.Add(Field, $"{content.Length} characters is over the limit of {limits.MaxBodyLength} (Intake:MaxBodyLength).");
            return false;
        }

        if ((TextRules.Problem(content) ?? ReferenceProblem(content)) is { } text)
        {
            errors.Add(Field, text);
            return false;
        }

        if (format == "markdown" && MarkdownProblem(content, limits) is { } markdown)
        {
            errors.Add(Field, markdown);
            return false;
        }

        var shape = MarkupScanner.Scan(content, limits.MaxBodyDepth, limits.MaxBodyElements);
        return Within(shape.Depth, shape, limits, errors);
    }

    /// <summary>The same limits on the HTML a markdown body rendered to (a list in a quote in a list…).</summary>
    public static bool CheckRendered(string html, IntakeOptions limits, FieldErrors errors)
    {
        var shape = MarkupScanner.Scan(html, limits.MaxBodyDepth, limits.MaxBodyElements);
        return Within(shape.Depth, shape, limits, errors);
    }

    private static bool Within(int depth, MarkupShape shape, IntakeOptions limits, FieldErrors errors)
    {
        if (depth > limits.MaxBodyDepth)
        {
            errors.Add(Field, $"The body nests elements more than {limits.MaxBodyDepth} deep (Intake:MaxBodyDepth).");
        }
        else if (shape.OpenFormatting > limits.MaxBodyDepth)
        {
            errors.Add(Field, $"The body leaves more than {limits.MaxBodyDepth} formatting elements (b, i, font, …) open at once (Intake:MaxBodyDepth).");
        }
        else if (shape.Elements > limits.MaxBodyElements)
        {
            errors.Add(Field, $"The body has more than {limits.MaxBodyElements} elements (Intake:MaxBodyElements).");
        }
        else
        {
            return true;
        }

        return false;
    }

    /// <summary>
    /// The error for the first numeric character reference (<c>&amp;#1;</c>, <c>&amp;#x1</c>) that stands for a character no
    /// platform can carry (<see cref="TextRules"/>), for NUL, or for no character at all; null when there is none.
    /// </summary>
    internal static string? ReferenceProblem(string content)
    {
        for (var at = content.IndexOf("&#", StringComparison.Ordinal); at >= 0; at = content.IndexOf("&#", at + 2, StringComparison.Ordinal))
        {
            var hex = at + 2 < content.Length && content[at + 2] is 'x' or 'X';
            var i = hex ? at + 3 : at + 2;
            long value = 0;
            var digits = 0;
            for (; i < content.Length && (hex ? char.IsAsciiHexDigit(content[i]) : char.IsAsciiDigit(content[i])); i++, digits++)
            {
                value = Math.Min((value * (hex ? 16 : 10)) + DigitValue(content[i]), 0x110000);
            }

            if (digits > 0 && Unsafe(value))
            {
                var reference = content[at..Math.Min(i + (i < content.Length && content[i] == ';' ? 1 : 0), at + 20)];
                return string.Create(CultureInfo.InvariantCulture,
                    $"The character reference '{reference}' at position {at} stands for U+{value:X4}, which cannot be published: control characters (other than tab and line breaks), NUL, U+FFFE, U+FFFF and surrogates are not text.");
            }
        }

        return null;
    }

    private static int DigitValue(char c) => char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool Unsafe(long value) =>
        (value < 0x20 && value is not (0x09 or 0x0A or 0x0D)) || value is 0xFFFE or 0xFFFF || value is >= 0xD800 and <= 0xDFFF || value > 0x10FFFF;

    /// <summary>
    /// What makes Markdig slow or deep, found line by line: containers (<c>&gt;</c> and list markers at a line's start,
    /// plus one level per two spaces of indentation before them); blocks and table cells, as elements; and link
    /// destinations (<c>](</c>), each of which Markdig scans to the end of its line when it is not closed, so many on
    /// one long line cost their number times its length.
    /// </summary>
    private static string? MarkdownProblem(string content, IntakeOptions limits)
    {
        long elements = 0, linkWork = 0;
        var line = 0;
        while (line < content.Length)
        {
            var (depth, next) = LineDepth(content, line);
            if (depth > limits.MaxBodyDepth)
            {
                return $"The body nests block quotes and lists more than {limits.MaxBodyDepth} deep (Intake:MaxBodyDepth).";
            }

            var text = content.AsSpan(line, next - line);
            elements += depth + 1 + text.Count('|');
            linkWork += (long)text.Count("](") * text.Length;
            if (elements > limits.MaxBodyElements)
            {
                return $"The body has more than {limits.MaxBodyElements} elements (Intake:MaxBodyElements).";
            }

            if (linkWork > MaxLinkWork)
            {
                return "The body has too many links on too long lines to be rendered safely; break its long lines.";
            }

            line = next;
        }

        return null;
    }

    private static (int Depth, int Next) LineDepth(string content, int i)
    {
        int markers = 0, indent = 0;
        var leading = true;
        while (i < content.Length && content[i] != '\n')
        {
            var c = content[i];
            if (c is ' ' or '\t')
            {
                indent += leading ? (c == '\t' ? 4 : 1) : 0;
                i++;
            }
            else if (c == '>' || (c is '-' or '*' or '+' && i + 1 < content.Length && content[i + 1] is ' ' or '\t'))
            {
                markers++;
                leading = false;
                i++;
            }
            else if (char.IsAsciiDigit(c) && OrderedMarkerEnd(content, i) is var end and > 0)
            {
                markers++;
                leading = false;
                i = end;
            }
            else
            {
                break;
            }
        }

        var newline = content.IndexOf('\n', i);
        return (markers + (markers > 0 ? indent / 2 : 0), newline < 0 ? content.Length : newline + 1);
    }

    /// <summary>Past "12." or "3)" followed by a space; 0 when <paramref name="i"/> does not start one.</summary>
    private static int OrderedMarkerEnd(string content, int i)
    {
        var end = i;
        while (end < content.Length && end - i < 9 && char.IsAsciiDigit(content[end]))
        {
            end++;
        }

        return end + 1 < content.Length && content[end] is '.' or ')' && content[end + 1] is ' ' or '\t' ? end + 1 : 0;
    }
}
