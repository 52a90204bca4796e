using Microsoft.Extensions.Options;
using Syndicator.Core.Catalogue;
using Syndicator.Core.Items;

namespace Syndicator.Core.Compliance;

/// <summary>
/// Runs the configured checks over an accepted-to-be revision (docs/compliance.md). Every text is read once (an
/// attachment is parsed once, whatever the number of checks) and every check is linear in the text.
/// </summary>
public sealed class ComplianceChecker : IDisposable
{
    /// <summary>The rule of a finding that an attachment could not be checked within its bounds.</summary>
    public const string UncheckedRule = "attachment.unchecked";

    /// <summary>Findings listed per field at most; the rest are counted in one more finding.</summary>
    internal const int MaxPerField = 20;

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private readonly ComplianceOptions _options;
    private readonly ChannelCatalogue _catalogue;
    private readonly AttachmentGate _gate;

    public ComplianceChecker(IOptions<ComplianceOptions> options, ChannelCatalogue catalogue)
        : this(options, catalogue, null)
    {
    }

    /// <param name="options">The compliance settings.</param>
    /// <param name="catalogue">The channels, for the portal metadata rules.</param>
    /// <param name="read">How an attachment is read (tests stand in a reader they hold); null reads it for real.</param>
    internal ComplianceChecker(
        IOptions<ComplianceOptions> options, ChannelCatalogue catalogue, Func<MediaFile, CancellationToken, AttachmentReading>? read)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _catalogue = catalogue;
        _gate = new AttachmentGate(_options.Attachments, read);
    }

    /// <summary>The field and reason of an attachment left unread because every reading place was taken.</summary>
    private sealed class BusyReading
    {
        public string? Message { get; set; }
    }

    public ComplianceReport Check(ItemRevision item)
    {
        var o = _options;
        var pii = ComplianceOptions.Mode(o.PersonalData);
        var secrecy = ComplianceOptions.Mode(o.Secrecy);
        var words = ComplianceOptions.Mode(o.Words);
        var findings = new List<ComplianceFinding>();
        var notes = new List<ComplianceNote>();
        if (pii != ComplianceMode.Off || secrecy != ComplianceMode.Off || (words != ComplianceMode.Off && o.WordList.Count > 0))
        {
            var today = DateOnly.FromDateTime(item.AcceptedAt.ToOffset(ChinaOffset).DateTime);
            var scan = new TextChecks(pii, secrecy, words, o.WordList, today);
            // An attachment too large, too deep or too slow to read is refused as strictly as the strictest text check
            // that would have read it, and otherwise kept as a finding: never accepted unchecked in silence.
            var strictest = new[] { pii, secrecy, o.WordList.Count > 0 ? words : ComplianceMode.Off }.Min();
            var busy = new BusyReading();
            foreach (var (field, text) in Texts(item, notes, findings, strictest, busy))
            {
                findings.AddRange(Limit(field, scan.Check(field, text)));
            }

            if (busy.Message is { } why)
            {
                return ComplianceReport.Empty with { Busy = why };
            }
        }

        findings.AddRange(Accountability.Check(item, o));
        findings.AddRange(PortalMetadata.Check(item, o, _catalogue));
        return new ComplianceReport(findings, notes);
    }

    /// <summary>Every text a reader of any channel sees: title, summary, body, per-channel overrides, attachments.</summary>
    private IEnumerable<(string Field, LocatedText Text)> Texts(
        ItemRevision item, List<ComplianceNote> notes, List<ComplianceFinding> findings, ComplianceMode strictest, BusyReading busy)
    {
        yield return ("title", new LocatedText(item.Title));
        if (item.Summary is { } summary)
        {
            yield return ("summary", new LocatedText(summary));
        }

        yield return ("body", new LocatedText(HtmlText.Of(item.BodyHtml)));
        foreach (var (channel, value) in item.Overrides)
        {
            if (value.Title is { } title)
            {
                yield return ($"overrides.{channel}.title", new LocatedText(title));
            }

            if (value.Summary is { } overrideSummary)
            {
                yield return ($"overrides.{channel}.summary", new LocatedText(overrideSummary));
            }
        }

        for (var i = 0; i < item.Attachments.Count; i++)
        {
            var field = $"attachments[{i}]";
            var reading = _gate.Read(item.Attachments[i]);
            if (reading.Busy)
            {
                busy.Message = $"{field} ('{item.Attachments[i].Name}') was not read: {reading.Unchecked}";
                yield break;
            }

            if (reading.Text is not null)
            {
                yield return (field, reading.Text);
            }
            else if (reading.Unchecked is { } why)
            {
                findings.Add(new ComplianceFinding(field, UncheckedRule, null, null,
                    $"{field} ('{item.Attachments[i].Name}') was not checked for personal data or secrecy markings: {why}. Send a smaller or simpler file, or split it.",
                    strictest));
            }
            else
            {
                notes.Add(new ComplianceNote(field, reading.Note!));
            }
        }
    }

    /// <summary>The same finding twice in one place says it once; a field with very many lists the first ones and counts the rest.</summary>
    private static IEnumerable<ComplianceFinding> Limit(string field, IEnumerable<ComplianceFinding> found)
    {
        var distinct = found.DistinctBy(f => (f.Rule, f.Place, f.Masked, f.Message)).ToList();
        foreach (var finding in distinct.Take(MaxPerField))
        {
            yield return finding;
        }

        var more = distinct.Skip(MaxPerField).ToList();
        if (more.Count > 0)
        {
            var mode = more.Any(f => f.Mode == ComplianceMode.Block) ? ComplianceMode.Block : ComplianceMode.Warn;
            yield return new ComplianceFinding(field, "more", null, null,
                $"{more.Count} more findings in {field} are not listed ({string.Join(", ", more.Select(f => f.Rule).Distinct())}); fix the ones above and send the item again to see them.",
                mode);
        }
    }

    public void Dispose() => _gate.Dispose();
}
