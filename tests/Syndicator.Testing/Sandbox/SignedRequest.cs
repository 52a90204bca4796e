using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Syndicator.Testing.Sandbox;

/// <summary>
/// A Standard Webhooks request signed by hand from the specification (HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>
/// with the key after <c>whsec_</c>), independently of the library the service signs with.
/// </summary>
public static class SignedRequest
{
    /// <param name="path">Where to POST, relative to the sandbox.</param>
    /// <param name="id">The <c>webhook-id</c>.</param>
    /// <param name="body">The JSON body, signed as sent.</param>
    /// <param name="secret">The <c>whsec_</c> secret to sign with.</param>
    /// <param name="extraSignature">Another signature listed before the right one, or null.</param>
    public static HttpRequestMessage Post(string path, string id, string body, string secret, string? extraSignature = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signature = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.TryAddWithoutValidation("webhook-signature", extraSignature is null ? signature : $"{extraSignature} {signature}");
        return request;
    }
}
