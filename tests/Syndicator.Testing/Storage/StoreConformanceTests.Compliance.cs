using Syndicator.Core.Compliance;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    private static readonly ComplianceReport Flagged = new(
        [new ComplianceFinding("attachments[0]", "pii.mobile", "page 2", "138****1234", "Unmasked mobile number 138****1234 …", ComplianceMode.Warn)],
        [new ComplianceNote("attachments[1]", "Not checked: 'application/zip' …")]);

    [Fact]
    public async Task RecordComplianceAsync_AcceptedRevision_KeptWithOneAuditEntry()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));

        Assert.True(await Store.Compliance.RecordComplianceAsync(item.Id, 1, Flagged, Actor, T0.AddSeconds(1), Ct));

        var kept = await Store.Compliance.GetComplianceAsync(item.Id, 1, Ct);
        Assert.NotNull(kept);
        Assert.Equal(T0.AddSeconds(1), kept.RecordedAt);
        Assert.Equal(Flagged.Findings, kept.Report.Findings);
        Assert.Equal(Flagged.Notes, kept.Report.Notes);
        var audit = Assert.Single(await Store.Audit.ListAsync(item.Id, 10, Ct), e => e.Action == "compliance.flagged");
        Assert.Contains("pii.mobile in attachments[0] (page 2)", audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordComplianceAsync_SameRevisionAgain_NothingChanges()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));
        await Store.Compliance.RecordComplianceAsync(item.Id, 1, Flagged, Actor, T0, Ct);

        Assert.False(await Store.Compliance.RecordComplianceAsync(item.Id, 1, ComplianceReport.Empty, Actor, T0.AddMinutes(1), Ct));

        Assert.Equal(T0, (await Store.Compliance.GetComplianceAsync(item.Id, 1, Ct))!.RecordedAt);
        Assert.Single(await Store.Audit.ListAsync(item.Id, 10, Ct), e => e.Action == "compliance.flagged");
    }

    [Fact]
    public async Task GetComplianceAsync_NothingRecorded_Null()
    {
        var item = await AcceptAsync(Some.Item(acceptedAt: T0));

        Assert.Null(await Store.Compliance.GetComplianceAsync(item.Id, 1, Ct));
        Assert.Null(await Store.Compliance.GetComplianceAsync(Some.ItemId(), 1, Ct));
    }

    [Fact]
    public async Task CountPublishedAsync_SucceededPublishesInThePeriod_PerChannelAndCategoryOnce()
    {
        var year = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        await MakeLiveAsync(Some.Item(category: "工作信息", acceptedAt: T0));
        await MakeLiveAsync(Some.Item(category: "工作信息", acceptedAt: T0.AddDays(1)));
        await MakeLiveAsync(Some.Item(category: "政策文件", acceptedAt: year));
        await MakeLiveAsync(Some.Item(category: "政策文件", acceptedAt: year.AddMilliseconds(-1)));
        await MakeLiveAsync(Some.Item(category: "人事信息", channels: ["portal"], acceptedAt: year.AddYears(1).AddMilliseconds(-1)), "portal");
        var updated = Some.Item(category: "工作信息", acceptedAt: T0);
        await MakeLiveAsync(updated);
        await MakeLiveAsync(updated with { Revision = 2, ContentHash = "r2", AcceptedAt = T0.AddHours(1) }); // an update, not a second publish
        await AcceptAsync(Some.Item(category: "工作信息", acceptedAt: T0)); // pending: not published

        var counts = await Store.Statistics.CountPublishedAsync(year, year.AddYears(1), includeWithdrawn: true, Ct);

        Assert.Equal(
            [new PublishedCount("bureau", "工作信息", 3), new PublishedCount("bureau", "政策文件", 1), new PublishedCount("portal", "人事信息", 1)],
            counts.OrderBy(c => c.Channel, StringComparer.Ordinal).ThenBy(c => c.Category, StringComparer.Ordinal));
    }

    [Fact]
    public async Task CountPublishedAsync_WithdrawnItem_CountedOnlyWhenAsked()
    {
        var year = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var item = Some.Item(category: "工作信息", acceptedAt: T0);
        await MakeLiveAsync(item);
        await MakeLiveAsync(Some.Item(category: "工作信息", acceptedAt: T0));
        await Deliveries.WithdrawAsync(new ItemCommand(item.Id, null, "撤稿", Actor, T0.AddHours(1)), Ct);
        Assert.True(await SucceedAsync(await ClaimOneAsync(T0.AddHours(1)), T0.AddHours(1)));

        var counted = await Store.Statistics.CountPublishedAsync(year, year.AddYears(1), includeWithdrawn: true, Ct);
        var live = await Store.Statistics.CountPublishedAsync(year, year.AddYears(1), includeWithdrawn: false, Ct);

        Assert.Equal(2, Assert.Single(counted).Count);
        Assert.Equal(1, Assert.Single(live).Count);
    }
}
