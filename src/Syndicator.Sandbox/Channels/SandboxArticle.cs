using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Syndicator.Sandbox.Channels;

/// <summary>One article as the control API shows it (DESIGN §7). Property order is the contract's.</summary>
internal sealed record SandboxArticle(
    string RemoteId,
    string? Title,
    string Url,
    string? SourceId,
    string ContentHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    bool Deleted,
    JsonObject Metadata)
{
    /// <summary>Lowercase hex SHA-256 of the body's UTF-8 bytes; a missing body hashes as the empty string.</summary>
    public static string HashBody(string? body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body ?? string.Empty)));
}
