using System.Security.Cryptography;
using System.Text;
using Syndicator.Core.Intake;
using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The multipart body of a WeChat upload, written byte by byte the way SKIT.FlurlHttpClient.Wechat's
/// <c>FileHttpContentBuilder</c> sends it (platform-truth W6), because .NET's and RestSharp's defaults are not what
/// Tencent's endpoints take: the boundary is <b>unquoted</b> in <c>Content-Type</c>; the one part carries
/// <c>Content-Disposition: form-data; name="media"; filename="…"</c> (a generated ASCII name from the verified type, <c>image-1.png</c>, never <c>filename*</c>),
/// <c>Content-Type</c> and <c>Content-Length</c>. A part without <c>filename</c> is answered 41005 media data missing
/// (silenceper/wechat PR #832).
/// </summary>
internal sealed class WeChatMultipart
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    private WeChatMultipart(string boundary, byte[] body)
    {
        Boundary = boundary;
        Body = body;
    }

    /// <summary>Only token characters (RFC 2045), so that it never needs quoting.</summary>
    public string Boundary { get; }

    /// <summary>The value of the request's <c>Content-Type</c> header.</summary>
    public string ContentType => "multipart/form-data; boundary=" + Boundary;

    public byte[] Body { get; }

    /// <summary>The body with <paramref name="file"/> in the form field <paramref name="field"/>.</summary>
    public static WeChatMultipart Build(string field, MediaFile file, string? boundary = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        boundary ??= "--SyndicatorBoundary" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var body = new MemoryStream(file.Content.Length + 512);
        Write(body, "--" + boundary);
        body.Write(Crlf);
        Write(body, $"Content-Disposition: form-data; name=\"{Clean(field)}\"; filename=\"{StoredFileNames.For(file, "image", 1)}\"");
        body.Write(Crlf);
        Write(body, "Content-Type: " + (string.IsNullOrWhiteSpace(file.MediaType) ? "application/octet-stream" : Clean(file.MediaType)));
        body.Write(Crlf);
        Write(body, "Content-Length: " + file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        body.Write(Crlf);
        body.Write(Crlf);
        body.Write(file.Content);
        body.Write(Crlf);
        Write(body, "--" + boundary + "--");
        body.Write(Crlf);
        return new WeChatMultipart(boundary, body.ToArray());
    }

    // Header values are written as UTF-8 bytes (what the SDK's filename workaround achieves), without the characters
    // that would end the quoted string or the header line.
    private static void Write(MemoryStream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    private static string Clean(string value) =>
        new([.. value.Where(c => c is not ('"' or '\r' or '\n' or '\\'))]);
}
