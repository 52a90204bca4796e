using System.Globalization;
using Syndicator.Core.Items;

namespace Syndicator.Core.Storage;

/// <summary>The stored and audited words of a board confirmation, the same in every store.</summary>
public static class BoardNames
{
    public static string Of(BoardEvent kind) => kind == BoardEvent.Posted ? "posted" : "taken_down";

    public static BoardEvent Parse(string kind) => kind == "posted" ? BoardEvent.Posted : BoardEvent.TakenDown;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>delivery.posted</c> or <c>delivery.taken_down</c>.</summary>
    public static string AuditAction(BoardEvent kind) => "delivery." + Of(kind);

    /// <summary>E.g. <c>postedOn 2026-12-03; photo: yes (board.jpg, image/jpeg, 51234 bytes)</c>.</summary>
    public static string AuditDetail(BoardEvent kind, DateOnly on, MediaFile? photo) =>
        $"{(kind == BoardEvent.Posted ? "postedOn" : "takenDownOn")} {Day(on)}; photo: " +
        (photo is null ? "no" : string.Create(CultureInfo.InvariantCulture, $"yes ({photo.Name}, {photo.MediaType}, {photo.Content.Length} bytes)"));
}
