using Microsoft.AspNetCore.Routing;

namespace Syndicator.Sandbox.Channels;

/// <summary>
/// One emulated platform, served under <c>/{Channel}</c>. The shared machinery (request counting, fault
/// injection, the control API, reset, the index page) works on any emulator through this seam.
/// </summary>
internal interface IPlatformEmulator
{
    /// <summary>The channel id and path prefix, e.g. <c>bureau</c>.</summary>
    string Channel { get; }

    /// <summary>A display name for the index page.</summary>
    string DisplayName { get; }

    /// <summary>The counters of this channel; the emulator counts creates, updates, deletes and platform error codes.</summary>
    ChannelStats Stats { get; }

    /// <summary>Maps the platform's routes onto the group of the channel's prefix.</summary>
    void Map(RouteGroupBuilder group);

    /// <summary>
    /// Maps control routes of this platform's own beside the generic ones, on the group <c>/_sandbox/{Channel}</c>
    /// (e.g. emulator settings tests turn). Most platforms have none.
    /// </summary>
    void MapControl(RouteGroupBuilder control)
    {
    }

    /// <summary>Every article the platform holds, deleted ones flagged. A <see cref="SandboxArticle.Url"/> starting with
    /// <c>/</c> is resolved against the caller's address.</summary>
    IReadOnlyList<SandboxArticle> Articles();

    /// <summary>
    /// Changes an article as someone editing it on the platform itself would: the title and/or the body (null keeps
    /// it). Its pages and APIs answer the new text from then on. False when the platform holds no such live article.
    /// </summary>
    bool EditArticle(string remoteId, string? title, string? content);

    /// <summary>Deletes an article as someone on the platform would: its page answers 404 from then on. False when there is no such article.</summary>
    bool DeleteArticle(string remoteId);

    /// <summary>Empties the platform's state (articles, id counters). Stats and faults are reset by the caller.</summary>
    void Reset();
}
