using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>审计日志: who did what, when and why; filtered by actor, action, item and date; exported as CSV.</summary>
[Authorize(Policy = ConsolePolicies.Audit)]
internal sealed class AuditModel(IAuditLog audit) : PageModel
{
    /// <summary>How many of the newest entries the filters look through.</summary>
    public const int Window = 5000;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public string? Actor { get; private set; }

    public string? Action { get; private set; }

    public string? ItemId { get; private set; }

    public string? Since { get; private set; }

    public async Task OnGetAsync(string? actor, string? action, string? item, string? since, CancellationToken cancellationToken) =>
        Entries = await FilterAsync(actor, action, item, since, cancellationToken);

    /// <summary>The filtered entries as CSV (UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese).</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? actor, string? action, string? item, string? since, CancellationToken cancellationToken)
    {
        var entries = await FilterAsync(actor, action, item, since, cancellationToken);
        var csv = new StringBuilder("at,actor,action,item,delivery,channel,reason,detail\r\n");
        foreach (var e in entries)
        {
            csv.AppendJoin(',', [
                Cell(e.At.ToString("O", CultureInfo.InvariantCulture)), Cell(e.Actor), Cell(e.Action), Cell(e.ItemId), Cell(e.DeliveryId),
                Cell(e.Channel), Cell(e.Reason), Cell(e.Detail)]).Append("\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "audit.csv");
    }

    private async Task<IReadOnlyList<AuditEntry>> FilterAsync(string? actor, string? action, string? item, string? since, CancellationToken cancellationToken)
    {
        Actor = Blank(actor);
        Action = Blank(action);
        ItemId = Blank(item);
        DateTimeOffset? from = null;
        if (DateOnly.TryParseExact(since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            Since = since;
            from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        var entries = await audit.ListAsync(ItemId, Window, cancellationToken);
        return [.. entries.Where(e =>
            (Actor is null || e.Actor.Contains(Actor, StringComparison.OrdinalIgnoreCase))
            && (Action is null || e.Action.Contains(Action, StringComparison.OrdinalIgnoreCase))
            && (from is null || e.At >= from))];
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A CSV cell, quoted; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula.</summary>
    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
