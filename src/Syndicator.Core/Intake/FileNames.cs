namespace Syndicator.Core.Intake;

/// <summary>
/// The rules a file's name must keep (docs/api.md, "Files"): a bounded length, checked before anything else is done
/// with the name; no control or bidirectional-override characters; no path parts; no leading or trailing dot or space;
/// no reserved device name; none of the characters Windows forbids. The body names its images by these names, so they
/// are kept as sent; a channel that stores a file under a name is sent a generated one.
/// </summary>
internal static class FileNames
{
    private static readonly HashSet<string> Devices = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The problem with <paramref name="name"/>, or null when it is a safe name.</summary>
    public static string? Problem(string name, int maxLength)
    {
        if (name.Length > maxLength)
        {
            return $"The name is {name.Length:N0} characters, over the limit of {maxLength} (Intake:MaxFileNameLength).";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F')
            {
                return $"The name holds the character U+{(int)c:X4} at position {i}: control and text-direction characters are not allowed in a file name.";
            }

            if (c is '/' or '\\')
            {
                return $"The name holds '{c}': a file name must not contain a path.";
            }

            if (c is '<' or '>' or ':' or '"' or '|' or '?' or '*')
            {
                return $"The name holds '{c}': the characters < > : \" | ? * are not allowed in a file name.";
            }
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "The name holds '..': a file name must not contain a path.";
        }

        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) || name[0] == '.' || name[^1] == '.')
        {
            return "The name must not start or end with a dot or a space.";
        }

        var stem = name.Split('.')[0].TrimEnd();
        if (Devices.Contains(stem))
        {
            return $"'{stem}' is a reserved device name on Windows and cannot name a file, with or without an extension.";
        }

        return null;
    }
}
