using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Bureau;

/// <summary>SSCMS 7.4.0 (the bureau's own site), written from reference/sscms-observed.md.</summary>
internal sealed class BureauEmulator(BureauStore store) : IPlatformEmulator
{
    public const string ChannelName = "bureau";

    public string Channel => ChannelName;

    public string DisplayName => "桐乡市水利局网站 · SSCMS 7.4.0";

    public ChannelStats Stats { get; } = new();

    public BureauStore Store => store;

    public void Map(RouteGroupBuilder group) => group.MapContentsApi().MapBureauPages();

    public IReadOnlyList<SandboxArticle> Articles() => [.. store.All().Select(ToArticle)];

    public bool EditArticle(string remoteId, string? title, string? content) =>
        int.TryParse(remoteId, out var id) && store.Edit(id, title, content);

    public bool DeleteArticle(string remoteId) => int.TryParse(remoteId, out var id) && store.Delete(id) is not null;

    public void Reset() => store.Clear();

    private static SandboxArticle ToArticle(BureauContent content)
    {
        var metadata = JsonSerializer.SerializeToNode(content, SandboxJson.Options)!.AsObject();
        metadata.Remove("id");
        metadata.Remove("title");
        metadata.Remove("body");
        // A deleted content keeps the address its page had, so a caller can see that the page is gone.
        var url = $"/{ChannelName}{BureauPages.SitePath}{BureauSite.NavigationUrl(Math.Abs(content.ChannelId), content.Id)}";
        return new SandboxArticle(
            content.Id.ToString(CultureInfo.InvariantCulture),
            content.Title,
            url,
            SourceId: null,
            SandboxArticle.HashBody(content.Body),
            content.CreatedAt,
            content.UpdatedAt,
            content.IsDeleted,
            metadata);
    }
}
