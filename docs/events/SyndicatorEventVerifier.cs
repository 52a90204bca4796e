using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OfficeSystem.Events;

/// <summary>
/// Checks that an event came from Syndicator, as the Standard Webhooks specification asks: the HMAC-SHA256 of
/// "{webhook-id}.{webhook-timestamp}.{body}" under the shared secret, compared in constant time with each "v1,"
/// signature of the webhook-signature header, and a webhook-timestamp within five minutes of the receiver's clock.
/// Plain .NET, no packages. Give it the body's bytes exactly as they arrived, before any JSON parsing.
/// </summary>
public static class SyndicatorEventVerifier
{
    /// <summary>How far webhook-timestamp may be from the receiver's clock, either way.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Null when the event is genuine; otherwise why it is refused (answer 401 and do not act on it).</summary>
    /// <param name="secret">The subscription's secret: "whsec_" and the base64 of the key.</param>
    /// <param name="id">The webhook-id header.</param>
    /// <param name="timestamp">The webhook-timestamp header (Unix seconds).</param>
    /// <param name="signatures">The webhook-signature header: one or more "v1,{base64}", separated by spaces.</param>
    /// <param name="body">The request body's bytes as received.</param>
    /// <param name="now">The receiver's clock.</param>
    public static string? Problem(
        string secret, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        const string prefix = "whsec_";
        var key = new byte[64];
        if (!secret.StartsWith(prefix, StringComparison.Ordinal)
            || !Convert.TryFromBase64String(secret[prefix.Length..], key, out var keyLength))
        {
            return "the secret is not 'whsec_' and the base64 of at most 64 bytes";
        }

        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return "a webhook-id, webhook-timestamp or webhook-signature header is missing";
        }

        if (timestamp.Length > 18 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var sentAt))
        {
            return "webhook-timestamp is not a number of seconds";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - sentAt) > (long)Tolerance.TotalSeconds)
        {
            return $"webhook-timestamp is more than {Tolerance.TotalMinutes} minutes from this clock: a replay, or a clock to set right";
        }

        var head = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        var signed = new byte[head.Length + body.Length];
        head.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(head.Length));
        var expected = HMACSHA256.HashData(key.AsSpan(0, keyLength), signed);

        var given = new byte[HMACSHA256.HashSizeInBytes];
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (entry.StartsWith("v1,", StringComparison.Ordinal)
                && Convert.TryFromBase64String(entry[3..], given, out var length)
                && length == given.Length
                && CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return null;
            }
        }

        return "no signature matches: a wrong secret, or a body changed on its way (verify the bytes as received)";
    }
}
