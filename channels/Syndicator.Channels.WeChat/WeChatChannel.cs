using Microsoft.Extensions.Logging;
using Syndicator.Core.Channels;
using Syndicator.Core.Items;
using Syndicator.Core.Storage;
using Syndicator.Channels.Toolkit;

namespace Syndicator.Channels.WeChat;

/// <summary>One configured WeChat channel: its settings and services.</summary>
internal sealed class WeChatChannel
{
    private readonly IHttpClientFactory _httpClients;
    private readonly Lazy<WeChatApi> _api;

    public WeChatChannel(
        string id, WeChatChannelOptions options, IHttpClientFactory httpClients, IChannelStateStore state, TimeProvider time, ILogger logger)
    {
        Id = id;
        Options = options;
        _httpClients = httpClients;
        _api = new(() => new WeChatApi(_httpClients.CreateClient(ChannelHttp.ClientName(Id)), this));
        State = state;
        Time = time;
        Logger = logger;
        DefaultCover = string.IsNullOrWhiteSpace(options.DefaultCoverBase64)
            ? null
            : new MediaFile("default-cover" + (options.DefaultCoverMediaType == "image/png" ? ".png" : ".jpg"),
                options.DefaultCoverMediaType, Convert.FromBase64String(options.DefaultCoverBase64));
    }

    /// <summary>The default of <see cref="WeChatChannelOptions.PublishPollSchedule"/>: 1, 2, 5, then every 10 minutes.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultPollSchedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)];

    public string Id { get; }

    /// <summary>The configured poll schedule, or <see cref="DefaultPollSchedule"/> when none is set.</summary>
    public IReadOnlyList<TimeSpan> PollSchedule => Options.PublishPollSchedule.Count > 0 ? [.. Options.PublishPollSchedule] : DefaultPollSchedule;

    public WeChatChannelOptions Options { get; }

    public IChannelStateStore State { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public MediaFile? DefaultCover { get; }

    /// <summary>A session for one operation, over the channel's one API client (kept for the process's life; see <see cref="ChannelHttp"/>).</summary>
    public WeChatSession OpenSession() => new(this, _api.Value);
}
