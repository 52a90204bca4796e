namespace Syndicator.Channels.Handoff;

/// <summary>
/// Settings of a channel whose connector is <c>handoff</c>: a platform without an inbound interface, where an operator
/// pastes the package by hand and confirms the live URL. Bound from <c>Channels:&lt;id&gt;</c>.
/// </summary>
public sealed class HandoffChannelOptions
{
    /// <summary>Where the platform's back office is (shown to operators). Default: none.</summary>
    public Uri? BackOfficeUrl { get; set; }

    /// <summary>Extra instructions for operators, e.g. the column to file the item under. Default: none.</summary>
    public string? Instructions { get; set; }
}
