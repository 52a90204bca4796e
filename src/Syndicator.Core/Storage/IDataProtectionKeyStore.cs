namespace Syndicator.Core.Storage;

/// <summary>
/// The Data Protection key ring, kept in the store so that every node and every restart shares it. Each key is an XML
/// document the framework writes once (encrypted when a certificate is configured) and never changes.
/// </summary>
public interface IDataProtectionKeyStore
{
    /// <summary>Every stored key's XML, oldest first.</summary>
    Task<IReadOnlyList<string>> ListKeyRingAsync(CancellationToken cancellationToken);

    /// <summary>Stores one key's XML under <paramref name="name"/>; a name already stored is left as it is.</summary>
    Task AddKeyAsync(string name, string xml, DateTimeOffset createdAt, CancellationToken cancellationToken);
}
