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
}
