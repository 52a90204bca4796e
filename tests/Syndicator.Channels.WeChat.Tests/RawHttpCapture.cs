using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Syndicator.Channels.WeChat.Tests;

/// <summary>
/// A loopback HTTP/1.1 server that keeps the exact bytes of each request it receives (header block and body) and
/// answers every one with the same JSON. For asserting on what goes over the wire, below any client library.
/// </summary>
internal sealed class RawHttpCapture : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RawHttpCapture(string answerJson)
    {
        _answer = answerJson;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Each request: its header block (request line and headers, as text) and its body bytes.</summary>
    public List<(string Head, byte[] Body)> Requests { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                await HandleAsync(client.GetStream());
            }
        }
    }

    private async Task HandleAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), "\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                return;
            }

            buffer.Write(chunk, 0, read);
        }

        var head = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, headEnd);
        var length = head.Split("\r\n").Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        while (buffer.Length < headEnd + 4 + length)
        {
            var read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        lock (Requests)
        {
            Requests.Add((head, buffer.ToArray()[(headEnd + 4)..]));
        }

        var body = Encoding.UTF8.GetBytes(_answer);
        var answer = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(answer, _stop.Token);
        await stream.WriteAsync(body, _stop.Token);
    }

    private static int IndexOf(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
