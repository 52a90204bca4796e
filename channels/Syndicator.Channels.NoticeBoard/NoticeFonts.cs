using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PdfSharp.Fonts;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>
/// The notice's font. PDFsharp takes one font resolver per process, set before its first font operation, so every
/// notice-board channel shares this one: <see cref="Register"/> reads a channel's font file once and names it by a
/// hash of its path; <see cref="ResolveTypeface"/> and <see cref="GetFont"/> answer for those names only.
/// </summary>
/// <remarks>
/// PDFsharp 6.2.4 subsets TrueType-outline fonts only: CFF-outline OpenType (Noto Sans CJK .otf) is embedded whole, and
/// a TrueType collection (.ttc) cannot be read (its <c>FontResolverInfo</c> collection number "must be zero"; PDFsharp
/// 6.2.4's own API documentation). <see cref="Check"/> refuses both.
/// </remarks>
internal sealed class NoticeFonts : IFontResolver
{
    /// <summary>The largest font file read: 64 MiB.</summary>
    internal const long MaxFontBytes = 64L * 1024 * 1024;

    private static readonly Lazy<NoticeFonts> Shared = new(Install);
    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private NoticeFonts()
    {
    }

    /// <summary>Reads the two fonts of <paramref name="options"/> (checked with <see cref="Check"/>) and answers their family names.</summary>
    public static NoticeTypeface Register(NoticeBoardChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new NoticeTypeface(RegisterFile(options.FontPath), RegisterFile(options.LatinFontPath));
    }

    private static string RegisterFile(string path)
    {
        var family = "noticeboard-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
        Shared.Value._faces.GetOrAdd(family, _ => File.ReadAllBytes(path));
        return family;
    }

    /// <summary>Why the file at <paramref name="path"/> cannot be the notice's font; null when it can.</summary>
    public static string? Check(string path, string package)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return $"is '{path}', which does not exist: install the font (Debian: apt-get install {package}) or point the key at another TrueType font";
        }

        if (file.Length is < 12 or > MaxFontBytes)
        {
            return $"is '{path}', {file.Length} bytes: a font file is 12 bytes to {MaxFontBytes} bytes";
        }

        Span<byte> head = stackalloc byte[12];
        using (var stream = file.OpenRead())
        {
            stream.ReadExactly(head);
        }

        return BinaryPrimitives.ReadUInt32BigEndian(head) switch
        {
            0x00010000 or 0x74727565 => null, // TrueType outlines ('true' is Apple's tag for the same).
            0x74746366 => $"is '{path}', a TrueType collection (.ttc), which PDFsharp cannot embed: use one TrueType font (.ttf), e.g. {NoticeBoardChannelOptions.DefaultFontPath}",
            0x4F54544F => $"is '{path}', an OpenType font with CFF outlines, which PDFsharp embeds whole (megabytes in every notice): use a TrueType-outline font (.ttf)",
            _ => $"is '{path}', which is not a TrueType font",
        };
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName) : null;

    public byte[]? GetFont(string faceName) => _faces.TryGetValue(faceName, out var bytes) ? bytes : null;

    private static NoticeFonts Install()
    {
        var fonts = new NoticeFonts();
        if (GlobalFontSettings.FontResolver is { } other and not NoticeFonts)
        {
            throw new InvalidOperationException($"PDFsharp's font resolver is already {other.GetType().FullName}; the notice board needs its own.");
        }

        GlobalFontSettings.FontResolver = fonts;
        return fonts;
    }
}
