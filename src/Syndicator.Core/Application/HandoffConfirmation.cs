namespace Syndicator.Core.Application;

/// <summary>
/// What an operator confirms for a hand-off delivery, as the API, the console and the CLI give it: the URL for a site,
/// or for a notice board the day the notice went up (<paramref name="PostedOn"/>, a publish or update) or came down
/// (<paramref name="TakenDownOn"/>, a withdraw) as <c>yyyy-MM-dd</c>, with an optional photo.
/// </summary>
public sealed record HandoffConfirmation(
    string? Url, string? PostedOn = null, string? TakenDownOn = null, PhotoUpload? Photo = null, string? Reason = null);

/// <summary>A photo of the board as the operator sent it: not yet checked.</summary>
public sealed record PhotoUpload(string? FileName, string? ContentType, byte[]? Data);
