using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;
using Syndicator.Core.Deliveries;
using Syndicator.Core.Items;

namespace Syndicator.Channels.NoticeBoard;

/// <summary>
/// The disclosure board (信息公开栏) as a channel: every operation is handed to an operator (delivery status
/// <c>handoff</c>) like <c>handoff</c>'s, and a publish or update's package carries the notice to print,
/// <c>notice.pdf</c>. A withdraw asks for the notice to be taken down. A physical outlet: an operator confirms the day a
/// notice went up or came down, not a URL.
/// </summary>
internal sealed class NoticeBoardConnector : HandoffConnectorBase, IPhysicalOutlet
{
    /// <summary>The name of the notice in a package.</summary>
    internal const string FileName = "notice.pdf";

    private readonly string _displayName;
    private readonly NoticeBoardChannelOptions _options;
    private readonly NoticeRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public NoticeBoardConnector(ChannelDefinition channel, NoticeBoardChannelOptions options, NoticeTypeface typeface, TimeProvider time, ILogger logger)
        : base(channel.Id)
    {
        _displayName = channel.DisplayName;
        _options = options;
        _renderer = new NoticeRenderer(typeface, options);
        _time = time;
        _logger = logger;
    }

    public int DisplayDays => _options.DisplayDays;

    public int MaxPhotoBytes => _options.MaxPhotoBytes;

    /// <summary>Makes the notice of <paramref name="item"/> as it would be printed now.</summary>
    public RenderedNotice Render(ItemRevision item)
    {
        var notice = _renderer.Render(NoticeContent.Of(item, Channel, _options, _time.GetUtcNow()));
        if (notice.Cut)
        {
            Log.Cut(_logger, Channel, item.Id, notice.Pages);
        }

        if (NoticeSample.Missing(notice) is { } missing)
        {
            Log.MissingGlyphs(_logger, Channel, item.Id, missing);
        }

        return notice;
    }

    /// <summary>Healthy when the font loads and a test notice renders.</summary>
    public override async Task<ChannelHealth> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var notice = await Task.Run(() => _renderer.Render(NoticeContent.Of(NoticeSample.Item, Channel, _options, _time.GetUtcNow())), cancellationToken);
            if (NoticeSample.Missing(notice) is { } missing)
            {
                return new ChannelHealth(ChannelHealthStatus.Unhealthy, $"the fonts have no glyph for {missing}: notices would print boxes", clock.Elapsed);
            }

            return new ChannelHealth(ChannelHealthStatus.Healthy, $"test notice rendered: {notice.Pdf.Length} bytes, font {_options.FontPath}", clock.Elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RenderFailed(_logger, Channel, e);
            return new ChannelHealth(ChannelHealthStatus.Unhealthy, $"the test notice did not render with font {_options.FontPath}: {e.Message}", clock.Elapsed);
        }
    }

    protected override string Instructions(DeliveryOperation operation, Placement? live)
    {
        var days = _options.DisplayDays > 0 ? $"张贴期{_options.DisplayDays}天（至公告所载日期）。" : "";
        var what = (operation, live) switch
        {
            (DeliveryOperation.Withdraw, _) => $"请从{_displayName}取下本信息的公告；取下后确认取下日期。 Take this item's notice down from the board, then confirm the day.",
            (_, { }) => $"请打印新版公告（{FileName}，A4）替换{_displayName}上的原公告；张贴后确认张贴日期。{days} Print the revised notice, replace the one on the board, then confirm.",
            _ => $"请打印公告（{FileName}，A4）并张贴于{_displayName}；张贴后确认张贴日期。{days} Print the notice and post it on the board, then confirm.",
        };
        return string.IsNullOrWhiteSpace(_options.Instructions) ? what : $"{what} {_options.Instructions.Trim()}";
    }

    protected override IReadOnlyList<MediaFile> Files(ItemRevision item, DeliveryOperation operation, Placement? live) =>
        operation == DeliveryOperation.Withdraw ? [] : [new MediaFile(FileName, "application/pdf", Render(item).Pdf)];
}
