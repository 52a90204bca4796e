namespace Syndicator.Host.GoLive;

/// <summary>What <c>channels verify C --live --column ID</c> did, step by step, and its verdict.</summary>
/// <param name="Channel">The channel probed.</param>
/// <param name="Connector">Its connector.</param>
/// <param name="Column">The test column the article went to.</param>
/// <param name="ItemId">The marked test item's id, as the platform may show it.</param>
/// <param name="Passed">True when every step passed (a step skipped because the connector has no such capability does not fail it).</param>
/// <param name="StartedAt">When the probe began.</param>
/// <param name="FinishedAt">When it ended.</param>
/// <param name="Steps">Each step in order.</param>
/// <param name="StillLive">The test article's URL or id when the probe could not take it down: remove it by hand.</param>
public sealed record GoLiveReport(
    string Channel, string Connector, string Column, string ItemId, bool Passed, DateTimeOffset StartedAt, DateTimeOffset FinishedAt,
    IReadOnlyList<GoLiveStep> Steps, string? StillLive);

/// <summary>One step of the probe.</summary>
/// <param name="Name">publish, read-back, page, update, read-back-update, withdraw, gone.</param>
/// <param name="Result">passed, failed, skipped or handoff.</param>
/// <param name="Detail">What happened, in words: the outcome and the platform's code and answer.</param>
/// <param name="At">When the step began.</param>
/// <param name="DurationMs">How long it took.</param>
/// <param name="Calls">The HTTP calls made (no secrets): what was sent, the status, an excerpt of the answer, the time.</param>
public sealed record GoLiveStep(
    string Name, string Result, string Detail, DateTimeOffset At, long DurationMs, IReadOnlyList<ProbeCall> Calls)
{
    public const string PassedResult = "passed";
    public const string FailedResult = "failed";
    public const string SkippedResult = "skipped";
    public const string HandoffResult = "handoff";
}
