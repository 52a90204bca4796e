namespace Syndicator.Host.Hosting;

/// <summary>
/// The Data Protection key ring (<c>DataProtection</c>): kept in the store (shared by every node, surviving restarts),
/// and encrypted there with a certificate when one is configured.
/// </summary>
public sealed class KeyRingOptions
{
    /// <summary>
    /// A PKCS#12 (<c>.pfx</c>/<c>.p12</c>) file whose certificate encrypts the keys at rest; every node needs the same
    /// file. Default: none (keys stored unencrypted, with a warning at start-up).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>. Default: none.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Instead of a file: the thumbprint of a certificate with its private key in the current user's "My" store.
    /// Default: none.
    /// </summary>
    public string? CertificateThumbprint { get; set; }
}
