using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Syndicator.Console.Tests;

/// <summary>A browser without a browser: cookies, the anti-forgery token of the page it last read, form posts.</summary>
public sealed partial class ConsoleClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A client of <paramref name="baseAddress"/>; with <paramref name="from"/>, its connections come from that local address.</summary>
    public ConsoleClient(Uri baseAddress, IPAddress? from = null)
    {
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        if (from is not null)
        {
            // Any 127.x.y.z is this machine on Linux: a second loopback address is a second client address to the service.
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(from, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        _http = new HttpClient(handler) { BaseAddress = baseAddress };
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The cookies this client holds (the sign-in cookie among them), to copy into another client.</summary>
    public CookieContainer Cookies { get; } = new();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public async Task<HttpResponseMessage> GetAsync(string path) => await _http.GetAsync(path);

    /// <summary>The anti-forgery token of the form on <paramref name="path"/>.</summary>
    public async Task<string> TokenAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No anti-forgery token on {path} ({(int)response.StatusCode}).");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts a form; with <paramref name="tokenFrom"/>, the token of that page goes with it.</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom)
    {
        var all = fields.ToList();
        if (tokenFrom is not null)
        {
            all.Add(new("__RequestVerificationToken", await TokenAsync(tokenFrom)));
        }

        using var content = new FormUrlEncodedContent(all);
        return await _http.PostAsync(path, content);
    }

    public Task<HttpResponseMessage> SignInAsync(string name, string password) =>
        PostAsync("signin", [new("name", name), new("password", password)], "signin");

    public void Dispose() => _http.Dispose();
}
