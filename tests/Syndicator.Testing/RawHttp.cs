using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Syndicator.Testing;

/// <summary>
/// One HTTP/1.1 request written by hand, for paths that <see cref="Uri"/> would tidy before sending (<c>/signin/.</c>,
/// <c>//signin</c>): a client that does not tidy them is what a hostile one is.
/// </summary>
public static class RawHttp
{
    /// <summary>
    /// Posts <paramref name="form"/> (already URL-encoded) to <paramref name="rawPath"/> as written, from
    /// <paramref name="from"/> when given (another loopback address is another client); returns the status.
    /// </summary>
    public static async Task<HttpStatusCode> PostFormAsync(
        Uri server, string rawPath, string form, string? cookieHeader, TimeSpan timeout, IPAddress? from = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        if (from is not null)
        {
            client.Client.Bind(new IPEndPoint(from, 0));
        }

        await client.ConnectAsync(server.Host, server.Port, cts.Token);
        await using var stream = client.GetStream();
        var body = Encoding.UTF8.GetBytes(form);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {rawPath} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n")
            .Append("Content-Type: application/x-www-form-urlencoded\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
        if (cookieHeader is { Length: > 0 })
        {
            head.Append(CultureInfo.InvariantCulture, $"Cookie: {cookieHeader}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cts.Token);
        await stream.WriteAsync(body, cts.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync(cts.Token) ?? "";
        var parts = status.Split(' ');
        return parts.Length > 1 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var code)
            ? (HttpStatusCode)code
            : throw new InvalidOperationException($"Not an HTTP answer: '{status}'.");
    }
}
