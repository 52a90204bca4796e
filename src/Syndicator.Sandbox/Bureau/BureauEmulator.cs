using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Bureau;

/// <summary>
/// SSCMS 7.x (the bureau's own site), written from reference/platform-truth.md §1 and reference/sscms-observed.md.
/// Its version, path rule, site directory, page template, database and the API key's channel rights are settings
/// (<see cref="BureauSettings"/>), because real installations differ in each.
/// </summary>
internal sealed class BureauEmulator(BureauStore store) : IPlatformEmulator
{
    public const string ChannelName = "bureau";

    private BureauSettings _settings = new();

    public string Channel => ChannelName;

    public string DisplayName => "桐乡市水利局网站 · SSCMS 7.4.0";

    public ChannelStats Stats { get; } = new();

    public BureauStore Store => store;

    /// <summary>Guards <see cref="Settings"/> against a control call replacing them mid-request.</summary>
    public Lock Gate { get; } = new();

    /// <summary>The settings in force; read them under <see cref="Gate"/> or take the reference once per request.</summary>
    public BureauSettings Settings
    {
        get
        {
            lock (Gate)
            {
                return _settings;
            }
        }
    }

    public void Map(RouteGroupBuilder group) => group.MapContentsApi().MapBureauPages();

    public void MapControl(RouteGroupBuilder control) => control.MapBureauControlApi();

    public IReadOnlyList<SandboxArticle> Articles()
    {
        var settings = Settings;
        return [.. store.All().Select(c => ToArticle(c, settings))];
    }

    public bool EditArticle(string remoteId, string? title, string? content) =>
        int.TryParse(remoteId, out var id) && store.Edit(id, title, content);

    public bool DeleteArticle(string remoteId) => int.TryParse(remoteId, out var id) && store.Delete(id) is not null;

    public void Reset()
    {
        store.Clear();
        lock (Gate)
        {
            _settings = new BureauSettings();
        }
    }

    /// <summary>Applies a settings body <see cref="BureauSettings.Validate"/> accepted, as one change.</summary>
    public BureauSettings Apply(JsonElement body)
    {
        lock (Gate)
        {
            var next = _settings.Copy();
            next.Apply(body);
            _settings = next;
            return next;
        }
    }

    private static SandboxArticle ToArticle(BureauContent content, BureauSettings settings)
    {
        var metadata = JsonSerializer.SerializeToNode(content, SandboxJson.Options)!.AsObject();
        metadata.Remove("id");
        metadata.Remove("title");
        metadata.Remove("body");
        // A deleted content keeps the address its page had, so a caller can see that the page is gone.
        var url = $"/{ChannelName}{BureauPages.SitePath}{settings.NavigationUrl(content)}";
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
