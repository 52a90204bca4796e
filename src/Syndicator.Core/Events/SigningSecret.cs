namespace Syndicator.Core.Events;

/// <summary>A Standard Webhooks signing secret: <c>whsec_</c> + base64 of the key's bytes.</summary>
public static class SigningSecret
{
    public const string Prefix = "whsec_";

    /// <summary>The spec recommends keys of 24 to 64 bytes.</summary>
    public const int MinBytes = 24;

    public const int MaxBytes = 64;

    /// <summary>The key's bytes; null when <paramref name="secret"/> is not a <c>whsec_</c> secret of 24–64 bytes.</summary>
    public static byte[]? Key(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var text = secret[Prefix.Length..];
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out var written) && written is >= MinBytes and <= MaxBytes
            ? buffer[..written]
            : null;
    }
}
