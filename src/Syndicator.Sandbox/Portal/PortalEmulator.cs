using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Portal;

/// <summary>
/// The municipal disclosure portal (桐乡市政府信息公开网) behind Hanweb JCMS's XML receive interface, written from
/// platform-truth §4 and reference/gov-cms-protocols.md §2 (each rule's source: docs/channels/jcms.md). Besides the
/// generic control routes it answers <c>GET /_sandbox/portal/requests</c> (the last calls as received: where their
/// credentials travelled, their Content-Type) and <c>GET|POST /_sandbox/portal/settings</c> (<see cref="PortalSettings"/>).
/// </summary>
internal sealed class PortalEmulator(PortalStore store, SandboxOptions options) : IPlatformEmulator
{
    public const string ChannelName = "portal";

    public string Channel => ChannelName;

    public string DisplayName => "桐乡市政府信息公开网 · JCMS receive.jsp";

    public ChannelStats Stats { get; } = new();

    public PortalStore Store => store;

    public PortalRequestLog Requests { get; } = new();

    /// <summary>How the site's interface is set up (<c>/_sandbox/portal/settings</c>); the public client's form by default.</summary>
    public PortalSettings Settings { get; set; } = PortalSettings.Initial(options.PortalTakesChanges);

    public void Map(RouteGroupBuilder group) => group.MapReceiveApi().MapPortalPages();

    public void MapControl(RouteGroupBuilder control)
    {
        control.MapGet("/requests", () => TypedResults.Json(Requests.All(), SandboxJson.Options));
        control.MapPortalSettingsApi();
    }

    public IReadOnlyList<SandboxArticle> Articles() => [.. store.All().Select(ToArticle)];

    public bool EditArticle(string remoteId, string? title, string? content) =>
        int.TryParse(remoteId, out var id) && store.Edit(id, title, content);

    public bool DeleteArticle(string remoteId) => int.TryParse(remoteId, out var id) && store.Delete(id) is not null;

    public void Reset()
    {
        store.Clear();
        Requests.Clear();
        Settings = PortalSettings.Initial(options.PortalTakesChanges);
    }

    private static SandboxArticle ToArticle(PortalArticle article)
    {
        var metadata = new JsonObject
        {
            ["columnid"] = article.ColumnId,
        };
        foreach (var (name, value) in article.Fields)
        {
            metadata[name] = value;
        }

        metadata["附件"] = new JsonArray([.. article.Attachments.Select(static f => (JsonNode)new JsonObject
        {
            ["name"] = f.Name,
            ["title"] = f.Title,
            ["type"] = f.MediaType,
            ["size"] = f.Content.Length,
        })]);

        // A deleted article keeps the address its page had, so a caller can see that the page is gone.
        var url = $"/{ChannelName}{PortalSite.SitePath}{PortalSite.ArticlePath(article.ColumnId, article.Id, article.CreatedAt)}";
        return new SandboxArticle(
            article.Id.ToString(CultureInfo.InvariantCulture),
            article.Title,
            url,
            article.SourceId,
            SandboxArticle.HashBody(article.Body),
            article.CreatedAt,
            article.UpdatedAt,
            article.Deleted,
            metadata);
    }
}
