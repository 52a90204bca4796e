using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;

namespace Syndicator.Host.Hosting;

/// <summary>
/// Data Protection (console cookies, anti-forgery tokens, secrets in channel state) with its key ring in the store:
/// one application name for every node, so that a cookie issued by one node is read by every other and after a
/// restart; keys encrypted with the configured certificate (<see cref="KeyRingOptions"/>).
/// </summary>
internal static class DataProtectionSetup
{
    /// <summary>The one application name every node shares (keys are isolated per application name).</summary>
    public const string ApplicationName = "syndicator";

    /// <summary>Whether a certificate encrypts the keys (read by the start-up warning).</summary>
    public sealed record Protection(bool Encrypted);

    public static void Add(IServiceCollection services, KeyRingOptions options)
    {
        var builder = services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IDataProtectionKeyStore>(), sp.GetService<TimeProvider>() ?? TimeProvider.System)));

        var certificate = Certificate(options);
        if (certificate is not null)
        {
            // Unprotect with this certificate itself, not by a lookup in the machine's store: every node reads the keys.
            builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddSingleton(new Protection(certificate is not null));
    }

    /// <summary>The configured certificate; a problem loading it stops start-up with a message naming the key.</summary>
    private static X509Certificate2? Certificate(KeyRingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
                return certificate.HasPrivateKey
                    ? certificate
                    : throw Invalid($"DataProtection:CertificatePath '{options.CertificatePath}' holds no private key; the keys could not be read back");
            }
            catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw Invalid($"DataProtection:CertificatePath '{options.CertificatePath}' could not be loaded (check the file and DataProtection:CertificatePassword): {ex.Message}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.CertificateThumbprint))
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, options.CertificateThumbprint.Trim(), validOnly: false);
            return found.Count > 0 && found[0].HasPrivateKey
                ? found[0]
                : throw Invalid($"DataProtection:CertificateThumbprint '{options.CertificateThumbprint}' names no certificate with a private key in the current user's My store");
        }

        return null;
    }

    private static OptionsValidationException Invalid(string message) => new("DataProtection", typeof(KeyRingOptions), [message]);

    /// <summary>
    /// The key ring's repository over the store. The framework calls it synchronously and rarely (at the first use,
    /// when a key is made, and on refresh), so the store's asynchronous calls are waited on here.
    /// </summary>
    private sealed class StoreXmlRepository(IDataProtectionKeyStore store, TimeProvider time) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() =>
            [.. store.ListKeyRingAsync(CancellationToken.None).GetAwaiter().GetResult().Select(xml => XElement.Parse(xml))];

        public void StoreElement(XElement element, string friendlyName)
        {
            ArgumentNullException.ThrowIfNull(element);
            var name = string.IsNullOrEmpty(friendlyName) ? "key-" + Guid.NewGuid().ToString("D") : friendlyName;
            store.AddKeyAsync(name, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
