namespace Syndicator.Host;

/// <summary>The host's log messages about how it is deployed (files, keys, transport).</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Warning, "{Path}: mode {Was} allowed other users in; narrowed to {Now}")]
    public static partial void ModeNarrowed(ILogger logger, string path, string was, string now);

    [LoggerMessage(1401, LogLevel.Warning, "{Key} is {Url}: plain HTTP to a host other than this machine, so {Credentials} would travel unencrypted; use https")]
    public static partial void CredentialsOverPlainHttp(ILogger logger, string key, string url, string credentials);

    [LoggerMessage(1402, LogLevel.Warning, "The Data Protection keys (console cookies, channel secrets) are stored in the database unencrypted: set DataProtection:CertificatePath (and DataProtection:CertificatePassword) or DataProtection:CertificateThumbprint to encrypt them")]
    public static partial void KeyRingUnencrypted(ILogger logger);
}
