using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.WeChat;

/// <summary>
/// The WeChat Official Account API (公众号), written from reference/wechat-api.md. All state sits behind one lock
/// (<see cref="Gate"/>): publishing touches drafts, articles, quotas and stats together. Publish jobs finish lazily —
/// whoever looks first after a job's due time on the emulator's clock settles it — so no timer runs.
/// </summary>
internal sealed class WeChatEmulator(TimeProvider timeProvider, ILogger<WeChatEmulator> logger) : IPlatformEmulator
{
    public const string ChannelName = "wechat";

    public string Channel => ChannelName;

    public string DisplayName => "微信公众号 · Official Account API";

    public ChannelStats Stats { get; } = new();

    public Lock Gate { get; } = new();

    public WeChatSettings Settings { get; private set; } = new();

    public TokenStore Tokens { get; } = new();

    public QuotaBook Quotas { get; } = new();

    public MediaStore Media { get; } = new();

    public DraftStore Drafts { get; } = new();

    public PublishStore Publishing { get; } = new();

    public MassSendStore MassSends { get; } = new();

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public void Map(RouteGroupBuilder group)
    {
        group.MapWeChatTokenApi().MapWeChatClearQuotaV2();
        var cgi = group.MapGroup("/cgi-bin").AddEndpointFilter(RequireAccessToken).AddEndpointFilter(CountDailyQuota);
        cgi.MapWeChatQuotaApi().MapWeChatMediaApi().MapWeChatDraftApi().MapWeChatPublishApi().MapWeChatMassSendApi();
        group.MapWeChatPages();
    }

    public void MapControl(RouteGroupBuilder control) => control.MapWeChatSettingsApi();

    public IReadOnlyList<SandboxArticle> Articles()
    {
        lock (Gate)
        {
            Settle();
            return [.. Publishing.Articles.Select(static a => a.ToSandboxArticle())];
        }
    }

    /// <summary>Edits every item of the article (title, content), as an editor in the platform's console would.</summary>
    public bool EditArticle(string remoteId, string? title, string? content)
    {
        lock (Gate)
        {
            Settle();
            if (Publishing.Article(remoteId) is not { AllDeleted: false } article)
            {
                return false;
            }

            foreach (var item in article.Items)
            {
                item.Article = item.Article with { Title = title ?? item.Article.Title, Content = content ?? item.Article.Content };
            }

            article.UpdatedAt = Now;
            return true;
        }
    }

    /// <summary>Deletes every item, as a user deleting the article in the console: publish_status 5, getarticle is_deleted.</summary>
    public bool DeleteArticle(string remoteId)
    {
        lock (Gate)
        {
            Settle();
            if (Publishing.Article(remoteId) is not { } article)
            {
                return false;
            }

            article.Items.ForEach(static i => i.Deleted = true);
            article.UpdatedAt = Now;
            return true;
        }
    }

    public void Reset()
    {
        lock (Gate)
        {
            Settings = new WeChatSettings();
            Tokens.Clear();
            Quotas.Clear();
            Media.Clear();
            Drafts.Clear();
            Publishing.Clear();
            MassSends.Clear();
        }
    }

    /// <summary>Finishes the publish jobs that are due. Callers hold <see cref="Gate"/>.</summary>
    public void Settle()
    {
        foreach (var job in Publishing.Due(Now))
        {
            var article = Publishing.Finish(job, Now);
            Log.WeChatPublishJobFinished(logger, job.PublishId, job.Status(article));
            if (article is not null)
            {
                Stats.Created();
            }
            else if (job.Draft is { } draft)
            {
                // A job that failed (originality, review) leaves its draft to be fixed and published again (reference §5b).
                Drafts.Restore(draft);
            }
        }

        // API 群发保护: a send to all becomes an article once an administrator confirms it within 30 minutes (W8).
        foreach (var send in MassSends.Confirmed(Now))
        {
            Publishing.Add(send.Articles, Now, publishId: null, send.MsgId);
            Stats.Created();
        }
    }

    /// <summary>An errcode answer, counted in the stats as an error answered by the emulator's own rules.</summary>
    public IResult Error(int errcode, string? message = null) => WeChatReply.Json(ErrorBody(errcode, message));

    public JsonObject ErrorBody(int errcode, string? message = null)
    {
        Stats.ErrorAnswered(errcode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return WeChatReply.ErrorBody(errcode, message);
    }

    /// <summary>
    /// The per-API daily limits (platform-truth W1): a call to a counted path past its day's limit is answered 45009 and
    /// does nothing; any other call is counted. Days are Beijing days on the emulator's clock.
    /// </summary>
    private static async ValueTask<object?> CountDailyQuota(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var path = context.Request.Path.Value ?? "";
        var at = path.IndexOf("/cgi-bin/", StringComparison.Ordinal);
        var cgiPath = at >= 0 ? path[at..] : path;
        if (!QuotaBook.CountedPaths.Contains(cgiPath))
        {
            return await next(invocation);
        }

        var wechat = (WeChatEmulator)context.RequestServices.GetService(typeof(WeChatEmulator))!;
        lock (wechat.Gate)
        {
            if (!wechat.Quotas.HasRoom(cgiPath, wechat.Settings.DailyLimit(cgiPath), wechat.Now))
            {
                return wechat.Error(WeChatErrors.DailyQuota);
            }

            wechat.Quotas.Use(cgiPath, wechat.Now);
        }

        return await next(invocation);
    }

    /// <summary>Every business call carries <c>?access_token=</c> (reference §1c).</summary>
    private static async ValueTask<object?> RequireAccessToken(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var wechat = context.RequestServices.GetService(typeof(WeChatEmulator)) as WeChatEmulator
            ?? throw new InvalidOperationException("The WeChat emulator is not registered.");
        int errcode;
        lock (wechat.Gate)
        {
            errcode = wechat.Tokens.Check(context.Request.Query["access_token"], wechat.Now);
        }

        return errcode == 0 ? await next(invocation) : wechat.Error(errcode);
    }
}
