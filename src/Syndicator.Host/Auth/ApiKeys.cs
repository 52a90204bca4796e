using System.Security.Cryptography;
using System.Text;

namespace Syndicator.Host.Auth;

/// <summary>The scopes an API key may hold.</summary>
public static class Scopes
{
    public const string Submit = "submit";
    public const string Operate = "operate";
    public const string Read = "read";

    public static readonly IReadOnlyList<string> All = [Submit, Operate, Read];
}

/// <summary>Makes and hashes API keys. Keys are 256 random bits, so a plain SHA-256 is enough to store them.</summary>
public static class ApiKeys
{
    private const string Prefix = "sk_";

    public static string NewKey() => Prefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
