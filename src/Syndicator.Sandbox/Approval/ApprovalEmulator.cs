using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Approval;

/// <summary>TRS WCM's <c>center.do</c> service RPC (the approval centre's site), written from reference/gov-cms-protocols.md §1.</summary>
internal sealed class ApprovalEmulator(TimeProvider time) : IPlatformEmulator
{
    public const string ChannelName = "approval";

    public string Channel => ChannelName;

    public string DisplayName => "桐乡市行政审批服务中心网站 · TRS WCM";

    public ChannelStats Stats { get; } = new();

    /// <summary>Guards the store, the sessions and the settings: each call runs whole under it.</summary>
    public Lock Gate { get; } = new();

    public ApprovalStore Store { get; } = new(time);

    public ApprovalSessions Sessions { get; } = new(time);

    public ApprovalSettings Settings { get; private set; } = new();

    public TimeProvider Time => time;

    public void Map(RouteGroupBuilder group) => group.MapWcmEndpoints().MapApprovalPages();

    public void MapControl(RouteGroupBuilder control) => control.MapApprovalControlApi();

    public IReadOnlyList<SandboxArticle> Articles()
    {
        lock (Gate)
        {
            return [.. Store.All().Select(ToArticle)];
        }
    }

    public bool EditArticle(string remoteId, string? title, string? content)
    {
        lock (Gate)
        {
            if (!int.TryParse(remoteId, out var id) || Store.Get(id) is not { Deleted: false } document)
            {
                return false;
            }

            document.Title = title ?? document.Title;
            document.Body = content ?? document.Body;
            document.UpdatedAt = time.GetUtcNow();
            return true;
        }
    }

    public bool DeleteArticle(string remoteId)
    {
        lock (Gate)
        {
            if (!int.TryParse(remoteId, out var id) || Store.Get(id) is not { } document)
            {
                return false;
            }

            document.Deleted = true;
            document.UpdatedAt = time.GetUtcNow();
            return true;
        }
    }

    public void Reset()
    {
        lock (Gate)
        {
            Store.Clear();
            Sessions.Clear();
            Settings = new ApprovalSettings();
        }
    }

    private static SandboxArticle ToArticle(ApprovalDocument document)
    {
        var metadata = new JsonObject
        {
            ["channelId"] = document.ChannelId,
            ["docStatus"] = document.Status,
            ["fields"] = ToJson(document.Fields),
            ["metaView"] = ToJson(document.MetaView),
            ["appendixes"] = new JsonArray([.. document.Appendixes.Select(a => (JsonNode)new JsonObject
            {
                ["appFile"] = a.File,
                ["appDesc"] = a.Description,
                ["appFlag"] = a.Flag,
            })]),
            ["publishedAt"] = document.PublishedAt?.ToString("O", CultureInfo.InvariantCulture),
            ["viaMetaView"] = document.ViaMetaView,
            ["body"] = document.Body,
            ["unresolvedImages"] = new JsonArray([.. document.UnresolvedImages.Select(i => (JsonNode)i)]),
        };
        return new SandboxArticle(
            document.Id.ToString(CultureInfo.InvariantCulture),
            document.Title,
            $"/{ChannelName}{ApprovalPages.SitePath}{document.PagePath}",
            SourceOf(document),
            SandboxArticle.HashBody(document.Body),
            document.CreatedAt,
            document.UpdatedAt,
            document.Deleted,
            metadata);
    }

    /// <summary>
    /// The item a document came from, for the control API only: the marker the connector writes into the body
    /// (docs/channels/trswcm.md), else a site reference column named ISPUSH. WCM itself keeps no external key (T5).
    /// </summary>
    private static string? SourceOf(ApprovalDocument document)
    {
        var marker = System.Text.RegularExpressions.Regex.Match(document.Body, "<!--syndicator:item=(?<id>[A-Za-z0-9._-]+);");
        return marker.Success ? marker.Groups["id"].Value : document.Fields.GetValueOrDefault("ISPUSH");
    }

    private static JsonObject ToJson(Dictionary<string, string> fields) =>
        new([.. fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value))]);
}
