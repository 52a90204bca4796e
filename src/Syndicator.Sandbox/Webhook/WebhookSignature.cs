using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Webhook;

/// <summary>
/// Verifies a Standard Webhooks signature as the specification tells a receiver to (standard-webhooks spec,
/// "Verifying webhook authenticity" — https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
/// the signed content is <c>{webhook-id}.{webhook-timestamp}.{body}</c>; <c>webhook-signature</c> holds one or more
/// space-delimited <c>v1,&lt;base64 HMAC-SHA256&gt;</c>, any of which may match (constant-time compare); the key is the
/// base64 after <c>whsec_</c>; a timestamp outside the tolerance is refused to stop replays. Written from the spec,
/// independently of the connector's signing library.
/// </summary>
internal static class WebhookSignature
{
    /// <summary>The tolerance the spec's reference libraries use: 5 minutes either side.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the request is authentic; otherwise why not.</summary>
    public static string? Problem(IHeaderDictionary headers, byte[] body, string secret, DateTimeOffset now)
    {
        var id = headers["webhook-id"].ToString();
        var timestamp = headers["webhook-timestamp"].ToString();
        var signatures = headers["webhook-signature"].ToString();
        if (id.Length == 0 || timestamp.Length == 0 || signatures.Length == 0)
        {
            return "missing webhook-id, webhook-timestamp or webhook-signature";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return "webhook-timestamp is not Unix seconds";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > Tolerance)
        {
            return "webhook-timestamp is outside the tolerance of 5 minutes";
        }

        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected))
            {
                return null;
            }
        }

        return "no webhook-signature matches";
    }
}
