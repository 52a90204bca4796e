using Syndicator.Core.Items;

namespace Syndicator.Core.Compliance;

/// <summary>What reading an attachment gave: its text, or a note (a type not read, a damaged file), or the bound it reached.</summary>
/// <param name="Text">The text read, or null.</param>
/// <param name="Note">Why a file of a type that cannot be read was not (kept as a note), or null.</param>
/// <param name="Unchecked">The bound, its setting and value, when the file reached one; or null.</param>
/// <param name="Busy">Not read because every reading place stayed taken: says nothing about the file; send it again.</param>
public sealed record AttachmentReading(LocatedText? Text, string? Note, string? Unchecked, bool Busy = false);

/// <summary>
/// The text of an attachment, read once under the bounds of <see cref="AttachmentOptions"/>: PDF (PdfPig, per page),
/// DOCX (Open XML SDK, per paragraph), plain text (per line) and HTML. Any other type, or a file that cannot be read,
/// gives a note; a file that reaches a bound gives the bound, its setting and value.
/// </summary>
public static class AttachmentText
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Reads the text, stopping at the first bound and once <paramref name="deadline"/> is cancelled.</summary>
    public static AttachmentReading Read(MediaFile file, AttachmentOptions options, CancellationToken deadline)
    {
        var budget = new AttachmentBudget(options, deadline);
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        try
        {
            var text = (file.MediaType, extension) switch
            {
                ("application/pdf", _) or (_, ".pdf") => PdfText.Read(file.Content, budget),
                (Docx, _) or (_, ".docx") => DocxText.Read(file.Content, budget),
                ("text/html", _) or (_, ".html" or ".htm") => new LocatedText(HtmlText.Of(Utf8(file.Content, budget))),
                ("text/plain", _) or (_, ".txt") => Lines(Utf8(file.Content, budget)),
                _ => null,
            };
            return text is null
                ? new(null, $"Not checked: '{file.MediaType}' is not a type the compliance checks read (PDF, DOCX, TXT, HTML); check it by hand.", null)
                : new(text, null, null);
        }
        catch (AttachmentLimitException limit)
        {
            return new(null, null, limit.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A damaged file is not a reason to refuse the item; the operator is told it was not checked.
            return new(null, $"Not checked: the file could not be read as {file.MediaType} ({ex.GetType().Name}); check it by hand.", null);
        }
    }

    private static LocatedText Lines(string text) =>
        LocatedText.Join(text.Split('\n').Select((line, i) => ($"line {i + 1}", line.TrimEnd('\r'))));

    private static string Utf8(byte[] content, AttachmentBudget budget)
    {
        var text = new System.Text.UTF8Encoding(false).GetString(content).TrimStart('\uFEFF');
        budget.Characters(text.Length);
        return text;
    }
}
