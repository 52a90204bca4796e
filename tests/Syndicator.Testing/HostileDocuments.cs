using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Syndicator.Testing;

/// <summary>
/// Attachments built to cost a reader far more than their size: a PDF whose one content stream inflates to many
/// bytes of zeros, and a DOCX whose body is millions of empty paragraphs. Deflate makes both small.
/// </summary>
public static class HostileDocuments
{
    /// <summary>A one-page PDF whose FlateDecode content stream inflates to <paramref name="inflatedBytes"/> zeros.</summary>
    public static byte[] InflatingPdf(long inflatedBytes, string filter = "/Filter /FlateDecode", string before = "")
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var left = inflatedBytes; left > 0; left -= zeros.Length)
            {
                zlib.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
            }
        }

        return Pdf(compressed.ToArray(), filter, before);
    }

    /// <summary>
    /// A one-page PDF whose content stream is <paramref name="data"/> with <paramref name="filter"/> in its dictionary,
    /// and <paramref name="before"/> (stray bytes no reader needs) written just before the stream's object.
    /// </summary>
    public static byte[] Pdf(byte[] data, string filter, string before = "")
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(Encoding.Latin1.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(pdf.Position);
            Write(string.Create(CultureInfo.InvariantCulture, $"{offsets.Count} 0 obj\n{body}\nendobj\n"));
        }

        Write("%PDF-1.4\n");
        Object("<< /Type /Catalog /Pages 2 0 R >>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
        Write(before);
        offsets.Add(pdf.Position);
        Write(string.Create(CultureInfo.InvariantCulture, $"4 0 obj\n<< /Length {data.Length} {filter} >>\nstream\n"));
        pdf.Write(data);
        Write("\nendstream\nendobj\n");
        var xref = pdf.Position;
        Write(string.Create(CultureInfo.InvariantCulture, $"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            Write(string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n"));
        }

        Write(string.Create(CultureInfo.InvariantCulture, $"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"));
        return pdf.ToArray();
    }

    /// <summary>A DOCX whose body is <paramref name="paragraphs"/> empty paragraphs (<c>&lt;w:p/&gt;</c>).</summary>
    public static byte[] ParagraphDocx(int paragraphs)
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(archive, "[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
                """);
            Entry(archive, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
                """);
            using var document = archive.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
            document.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""u8);
            var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<w:p/>", 1000)));
            for (var i = 0; i < paragraphs / 1000; i++)
            {
                document.Write(chunk);
            }

            for (var i = 0; i < paragraphs % 1000; i++)
            {
                document.Write("<w:p/>"u8);
            }

            document.Write("</w:body></w:document>"u8);
        }

        return zip.ToArray();
    }

    private static void Entry(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
