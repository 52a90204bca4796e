namespace Syndicator.Core.Intake;

/// <summary>
/// Text that every platform can carry. The XML platforms (JCMS, WCM) cannot hold C0 control characters other than
/// tab, line feed and carriage return, U+FFFE, U+FFFF or an unpaired surrogate — XML 1.0 forbids them — so an item
/// holding one would be accepted and then fail on every try. Intake refuses it instead, naming the field.
/// </summary>
internal static class TextRules
{
    /// <summary>The position of the first character no platform can be sent, or -1 when there is none.</summary>
    public static int FirstUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The error for <paramref name="value"/>, or null when it is fine.</summary>
    public static string? Problem(string value) => FirstUnsafe(value) is var at and >= 0
        ? $"The character U+{(int)value[at]:X4} at position {at} cannot be published: control characters (other than tab and line breaks) and unpaired surrogates are not text."
        : null;
}
