using System.Text;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>
/// Breaks Chinese text into lines of a given width. A line may break between any two CJK characters; a run of Latin
/// letters, digits and ASCII punctuation (a word, a number, a URL) stays whole unless it is wider than a line. No line
/// starts with closing punctuation (，。、；：？！）》」』”’ …) nor ends with opening punctuation (（《「『“‘ …): the break moves
/// back a unit, and where it cannot (a line of one unit) the punctuation stays on the line and overhangs the margin.
/// Spaces (an ideographic space too) are kept as they are, except at a break, where they are dropped. Linear in the text's length: each unit is measured once (cached by text).
/// </summary>
internal static class LineBreaker
{
    /// <summary>Characters a line never starts with.</summary>
    internal const string Closing = "，。、；：？！）》」』”’】〕〉〗｝］｠…—·％,.;:?!)]}%";

    /// <summary>Characters a line never ends with.</summary>
    internal const string Opening = "（《「『“‘【〔〈〖｛［｟([{";

    /// <summary>
    /// The lines of <paramref name="text"/>, the first <paramref name="indent"/> narrower than the rest.
    /// <paramref name="measure"/> gives a piece of text's width in the same unit as <paramref name="width"/>.
    /// </summary>
    public static IReadOnlyList<string> Break(string text, double width, Func<string, double> measure, double indent = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(measure);
        var widths = new Dictionary<string, double>(StringComparer.Ordinal);
        double Width(string unit) => widths.TryGetValue(unit, out var w) ? w : widths[unit] = measure(unit);

        var units = Units(text, width, Width);
        var lines = new List<string>();
        var start = 0;
        while (start < units.Count)
        {
            while (start < units.Count && IsSpace(units[start]))
            {
                start++;
            }

            if (start == units.Count)
            {
                break;
            }

            var room = width - (lines.Count == 0 ? indent : 0);
            var end = start;
            var used = 0d;
            while (end < units.Count && (end == start || used + Width(units[end]) <= room))
            {
                used += Width(units[end]);
                end++;
            }

            end = Adjust(units, start, end);
            lines.Add(string.Concat(units.Skip(start).Take(end - start)).TrimEnd());
            start = end;
        }

        return lines;
    }

    /// <summary>Moves a break at <paramref name="end"/> so the next line starts with no closing and this one ends with no opening mark.</summary>
    private static int Adjust(List<string> units, int start, int end)
    {
        if (end >= units.Count)
        {
            return end;
        }

        for (var k = end; k > start; k--)
        {
            if (!IsClosing(units[k]) && !IsOpening(units[k - 1]))
            {
                return k;
            }
        }

        // No earlier break is allowed: keep the closing marks on this line (they overhang the margin).
        var forward = end;
        while (forward < units.Count && (IsClosing(units[forward]) || IsOpening(units[forward - 1])))
        {
            forward++;
        }

        return forward;
    }

    /// <summary>Splits text into unbreakable units: one CJK character or mark, one space, or one Latin run.</summary>
    private static List<string> Units(string text, double width, Func<string, double> measure)
    {
        var units = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                word.Append(rune.ToString());
                continue;
            }

            Flush(word, units, width, measure);
            units.Add(rune.ToString());
        }

        Flush(word, units, width, measure);
        return units;
    }

    private static void Flush(StringBuilder word, List<string> units, double width, Func<string, double> measure)
    {
        if (word.Length == 0)
        {
            return;
        }

        var text = word.ToString();
        word.Clear();
        if (measure(text) <= width)
        {
            units.Add(text);
            return;
        }

        // A run wider than a line (a long URL) is set a character at a time.
        units.AddRange(text.EnumerateRunes().Select(r => r.ToString()));
    }

    /// <summary>Latin letters, digits and ASCII punctuation other than brackets; below the general-punctuation block.</summary>
    private static bool IsWordRune(Rune rune) =>
        !Rune.IsWhiteSpace(rune) && rune.Value < 0x2000 && !Rune.IsControl(rune) && "([{".IndexOf((char)rune.Value) < 0;

    private static bool IsSpace(string unit) => unit.Length == 1 && char.IsWhiteSpace(unit[0]);

    private static bool IsClosing(string unit) => unit.Length == 1 && Closing.Contains(unit[0], StringComparison.Ordinal);

    private static bool IsOpening(string unit) => unit.Length == 1 && Opening.Contains(unit[0], StringComparison.Ordinal);
}
