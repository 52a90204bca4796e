namespace Syndicator.Sandbox;

/// <summary>How <see cref="SandboxApplication.Create"/> builds the sandbox.</summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// The addresses Kestrel listens on. Default: <c>http://127.0.0.1:5080</c>. Port 0 picks a free port;
    /// read <c>WebApplication.Urls</c> after start to learn it.
    /// </summary>
    public IList<string> Urls { get; } = ["http://127.0.0.1:5080"];

    /// <summary>
    /// The clock of the emulators: platform dates, article instants and the expiry of <c>forSeconds</c> faults.
    /// Default: <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The emulated portal is a site whose administrators enabled update, delete and query through the receive interface
    /// (operation element <c>status</c>) — what the bureau's profile (<c>serve --sandbox</c>, <c>demo</c>) is configured
    /// for. Default false: the one public client's form, adds only (platform-truth §4), as the portal's own tests expect.
    /// </summary>
    public bool PortalTakesChanges { get; set; }
}
