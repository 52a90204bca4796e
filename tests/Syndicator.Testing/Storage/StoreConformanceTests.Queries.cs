using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Xunit;

namespace Syndicator.Testing.Storage;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task GetRevisionAsync_RichRevision_RoundTripsEveryField()
    {
        var item = Some.Item(images: [Some.Image("a.png"), Some.Image("b.png")], attachments: [Some.Attachment()], acceptedAt: T0) with
        {
            Summary = "摘要 “引号” <b>&",
            DocumentNumber = "桐水〔2026〕12号",
            PublishAt = T0.AddDays(1),
            Cover = Some.Image("cover.png"),
            Overrides = new Dictionary<string, ChannelOverride> { ["wechat"] = new("微信标题", null) },
            Approval = new ApprovalChain("张三", ["李四", "赵六"], "王五", T0.AddHours(-1)),
        };
        await AcceptAsync(item);

        var stored = await Items.GetRevisionAsync(item.Id, 1, Ct);

        Assert.NotNull(stored);
        Assert.Equal(
            (item.Id, item.Revision, item.Title, item.Summary, item.Body, item.BodyHtml, item.Category, item.DocumentNumber),
            (stored.Id, stored.Revision, stored.Title, stored.Summary, stored.Body, stored.BodyHtml, stored.Category, stored.DocumentNumber));
        Assert.Equal((item.Publisher, item.WrittenOn, item.ContentHash), (stored.Publisher, stored.WrittenOn, stored.ContentHash));
        Assert.Equal((item.PublishAt!.Value.Offset, item.PublishAt), (stored.PublishAt!.Value.Offset, stored.PublishAt));
        Assert.Equal((item.AcceptedAt.Offset, item.AcceptedAt), (stored.AcceptedAt.Offset, stored.AcceptedAt));
        AssertSameMedia(item.Images, stored.Images);
        AssertSameMedia(item.Attachments, stored.Attachments);
        AssertSameMedia([item.Cover], [stored.Cover!]);
        Assert.Equal(item.Channels, stored.Channels);
        Assert.Equal(item.Overrides.ToArray(), stored.Overrides.ToArray());
        Assert.Equal("微信标题", stored.TitleFor("wechat"));
        Assert.Equal((item.Approval.ProvidedBy, item.Approval.ConfidentialityReviewedBy, item.Approval.ApprovedAt),
            (stored.Approval!.ProvidedBy, stored.Approval.ConfidentialityReviewedBy, stored.Approval.ApprovedAt));
        Assert.Equal(item.Approval.ReviewedBy, stored.Approval.ReviewedBy);
    }

    [Fact]
    public async Task GetAsync_Unknown_Null()
    {
        Assert.Null(await Items.GetAsync(Some.ItemId(), Ct));
        Assert.Null(await Items.GetRevisionAsync(Some.ItemId(), 1, Ct));
    }

    [Fact]
    public async Task GetAsync_TwoRevisions_LatestFactsAndEveryDeliveryOldestFirst()
    {
        var id = Some.ItemId();
        await AcceptAsync(Some.Item(id: id, revision: 1, title: "第一版", channels: ["bureau", "portal"], acceptedAt: T0));
        await AcceptAsync(Some.Item(id: id, revision: 2, title: "第二版", channels: ["bureau"], category: "政策文件", acceptedAt: T0.AddMinutes(5)));

        var record = await Items.GetAsync(id, Ct);

        Assert.NotNull(record);
        Assert.Equal((id, 2, "第二版", "政策文件", T0.AddMinutes(5)), (record.Id, record.Revision, record.Title, record.Category, record.AcceptedAt));
        Assert.Equal(
            [(1, "bureau", DeliveryStatus.Superseded), (1, "portal", DeliveryStatus.Pending), (2, "bureau", DeliveryStatus.Pending)],
            record.Deliveries.Select(d => (d.Revision, d.Channel, d.Status)));
        Assert.Equal(ItemStatus.InProgress, record.Status);
    }

    [Fact]
    public async Task ListAsync_ManyItems_NewestFirstUpToLimit()
    {
        var category = $"类别{Some.Int()}";
        var a = await AcceptAsync(Some.Item(category: category, acceptedAt: T0));
        var b = await AcceptAsync(Some.Item(category: category, acceptedAt: T0.AddMinutes(1)));
        var c = await AcceptAsync(Some.Item(category: category, acceptedAt: T0.AddMinutes(2)));

        var page = await Items.ListAsync(new ItemQuery(Category: category, Limit: 2), Ct);

        Assert.Equal([c.Id, b.Id], page.Select(r => r.Id));
        Assert.NotEqual(a.Id, page[^1].Id);
        Assert.Single(page[0].Deliveries);
    }

    [Fact]
    public async Task ListAsync_Filters_ByCategoryChannelAndSince()
    {
        var old = await AcceptAsync(Some.Item(channels: ["wechat"], acceptedAt: T0));
        var policy = await AcceptAsync(Some.Item(category: "政策文件", channels: ["bureau"], acceptedAt: T0.AddMinutes(1)));
        var recent = await AcceptAsync(Some.Item(channels: ["wechat"], acceptedAt: T0.AddMinutes(2)));

        var byCategory = await Items.ListAsync(new ItemQuery(Category: "政策文件"), Ct);
        var byChannel = await Items.ListAsync(new ItemQuery(Channel: "wechat"), Ct);
        var bySince = await Items.ListAsync(new ItemQuery(Since: T0.AddMinutes(1)), Ct);

        Assert.Equal([policy.Id], byCategory.Select(r => r.Id));
        Assert.Equal([recent.Id, old.Id], byChannel.Select(r => r.Id));
        Assert.Equal([recent.Id, policy.Id], bySince.Select(r => r.Id));
    }

    [Fact]
    public async Task ListAsync_StatusFilter_FindsMatchesBehindNewerNonMatching()
    {
        var failing = await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0));
        Assert.True(await CompleteAsync(await ClaimOneAsync(T0, "portal"), new Transition(DeliveryStatus.Failed, 1, null, "rejected"), T0));
        for (var i = 1; i <= 3; i++)
        {
            await AcceptAsync(Some.Item(channels: ["portal"], acceptedAt: T0.AddMinutes(i)));
        }

        var attention = await Items.ListAsync(new ItemQuery(Status: ItemStatus.Attention, Limit: 1), Ct);
        var inProgress = await Items.ListAsync(new ItemQuery(Status: ItemStatus.InProgress, Limit: 2), Ct);

        Assert.Equal([failing.Id], attention.Select(r => r.Id));
        Assert.Equal(2, inProgress.Count);
        Assert.All(inProgress, r => Assert.Equal(ItemStatus.InProgress, r.Status));
    }

    private static void AssertSameMedia(IReadOnlyList<MediaFile?> expected, IReadOnlyList<MediaFile> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal((expected[i]!.Name, expected[i]!.MediaType), (actual[i].Name, actual[i].MediaType));
            Assert.Equal(expected[i]!.Content, actual[i].Content);
        }
    }
}
