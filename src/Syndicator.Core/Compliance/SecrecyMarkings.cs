namespace Syndicator.Core.Compliance;

/// <summary>
/// Finds secrecy markings (密级标志) without flagging the same words in ordinary sentences. A level word — 绝密, 机密,
/// 秘密, or 内部 — is a marking when:
/// <list type="number">
/// <item>it is followed by ★ or ☆ (the form of GB/T 9704-2012 §7.2.2, e.g. <c>秘密★1年</c>), anywhere;</item>
/// <item>it opens a bracket (【秘密】, （机密）, 「内部资料」), anywhere;</item>
/// <item>it stands at the start of one of the first three non-blank lines (where a document carries its 密级, top
/// left of the first page) and is followed by the end of the line, a space or punctuation — or, for 内部, by
/// 资料, 文件, 使用, 参考, 刊物 or 材料.</item>
/// </list>
/// So 「保守国家秘密是公民的义务」 and a first line 「秘密保护工作要点」 are not markings; 「秘密 关于…」 on the first line is.
/// </summary>
public static class SecrecyMarkings
{
    private static readonly string[] Levels = ["绝密", "机密", "秘密", "内部"];
    private static readonly string[] InternalNouns = ["资料", "文件", "使用", "参考", "刊物", "材料"];
    private const string Opening = "【[［〔（(「『<《";
    private const string Stars = "★☆";
    private const int MarkingLines = 3;

    /// <summary>Each marking: where it starts and the words that make it one (e.g. <c>秘密★</c>, <c>内部资料</c>).</summary>
    public static IEnumerable<(int Index, string Marking)> Find(string text)
    {
        var lineStarts = FirstLineStarts(text);
        foreach (var level in Levels)
        {
            for (var at = text.IndexOf(level, StringComparison.Ordinal); at >= 0; at = text.IndexOf(level, at + level.Length, StringComparison.Ordinal))
            {
                if (Marking(text, at, level, lineStarts) is { } marking)
                {
                    yield return (at, marking);
                }
            }
        }
    }

    private static string? Marking(string text, int at, string level, List<int> lineStarts)
    {
        var after = SkipSpaces(text, at + level.Length);
        if (after < text.Length && Stars.Contains(text[after], StringComparison.Ordinal))
        {
            return level + "★";
        }

        var noun = level == "内部" ? InternalNouns.FirstOrDefault(n => string.CompareOrdinal(text, at + 2, n, 0, 2) == 0) : null;
        var end = at + level.Length + (noun?.Length ?? 0);
        var word = level + noun;
        var before = at - 1;
        if (before >= 0 && Opening.Contains(text[before], StringComparison.Ordinal) && EndsMarking(text, end))
        {
            return word;
        }

        return lineStarts.Contains(SkipOpening(text, LineStart(text, at), at)) && (noun is not null || EndsMarking(text, end))
            ? word
            : null;
    }

    /// <summary>Whether what follows is the end of the text or line, a space, a star or punctuation (not more words).</summary>
    private static bool EndsMarking(string text, int index) =>
        index >= text.Length || char.IsWhiteSpace(text[index]) || char.IsPunctuation(text[index]) || Stars.Contains(text[index], StringComparison.Ordinal)
        || char.IsDigit(text[index]);

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && text[index] is ' ' or '\u3000' or '\t')
        {
            index++;
        }

        return index;
    }

    /// <summary>Where the line holding <paramref name="index"/> starts, after its leading spaces.</summary>
    private static int LineStart(string text, int index)
    {
        var start = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return SkipSpaces(text, start);
    }

    /// <summary>The line start, or <paramref name="at"/> when only opening brackets stand between them.</summary>
    private static int SkipOpening(string text, int lineStart, int at)
    {
        for (var i = lineStart; i < at; i++)
        {
            if (!Opening.Contains(text[i], StringComparison.Ordinal) && !char.IsWhiteSpace(text[i]))
            {
                return -1;
            }
        }

        return lineStart;
    }

    /// <summary>The starts (after leading spaces) of the first few non-blank lines.</summary>
    private static List<int> FirstLineStarts(string text)
    {
        var starts = new List<int>(MarkingLines);
        var start = 0;
        while (start <= text.Length && starts.Count < MarkingLines)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var first = SkipSpaces(text, start);
            if (first < end && !string.IsNullOrWhiteSpace(text[first..end]))
            {
                starts.Add(first);
            }

            start = end + 1;
        }

        return starts;
    }
}
