using System.Text;

namespace Syndicator.Host.Alerts;

/// <summary>
/// Text that reaches a robot message: an alert's title, subject and text can quote what a remote platform answered
/// (a page's <c>&lt;h1&gt;</c>, a platform's error message), so each is bounded in length, stripped of control
/// characters and, for the markdown formats, escaped so that it reads as text — no links, images, headings, quotes or
/// HTML tags of its own.
/// </summary>
internal static class AlertText
{
    /// <summary>The longest title or subject sent. Default: 200 characters.</summary>
    public const int MaxLine = 200;

    /// <summary>The longest text sent. Default: 2,000 characters (DingTalk and WeCom take at most 4,096 bytes of markdown).</summary>
    public const int MaxText = 2000;

    /// <summary><paramref name="value"/> bounded to <paramref name="max"/> characters, control characters dropped; one line unless <paramref name="multiline"/>.</summary>
    public static string Plain(string? value, int max, bool multiline = false)
    {
        var text = new StringBuilder(Math.Min(value?.Length ?? 0, max + 1));
        foreach (var c in value ?? "")
        {
            if (text.Length >= max)
            {
                return text.Append('…').ToString();
            }

            if (c == '\n' && multiline)
            {
                text.Append(c);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                text.Append(' ');
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="value"/> as literal markdown text: bounded like <see cref="Plain"/>, markdown punctuation
    /// escaped with a backslash, and <c>&lt; &gt; &amp;</c> as HTML entities (both robots render a few HTML tags).
    /// </summary>
    public static string Markdown(string? value, int max, bool multiline = false)
    {
        var plain = Plain(value, max, multiline);
        var text = new StringBuilder(plain.Length + 16);
        foreach (var c in plain)
        {
            switch (c)
            {
                case '<':
                    text.Append("&lt;");
                    break;
                case '>':
                    text.Append("&gt;");
                    break;
                case '&':
                    text.Append("&amp;");
                    break;
                case '\n':
                    // A line of remote text never starts a block of its own (a heading, a quote, a list).
                    text.Append("  \n");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '#':
                    text.Append('\\').Append(c);
                    break;
                case '-' or '+' when text.Length == 0 || text[^1] == '\n':
                    // A list item only at the start of a line.
                    text.Append('\\').Append(c);
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.ToString();
    }
}
