using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Syndicator.Sandbox.Channels;

namespace Syndicator.Sandbox.Webhook;

/// <summary>
/// A generic Standard Webhooks receiver under <c>/webhook</c> (DESIGN §7): <c>POST /webhook/events</c> takes signed
/// events (<see cref="WebhookReceiver"/>), <c>GET /webhook/site/{id}</c> shows an article's page. Its articles, stats
/// and faults are the generic control API's; <c>GET /_sandbox/webhook/received</c> counts duplicates. The secret is <see cref="SandboxCredentials.WebhookSecret"/>.
/// </summary>
internal sealed class WebhookEmulator : IPlatformEmulator
{
    public const string ChannelName = "webhook";

    public string Channel => ChannelName;

    public string DisplayName => "Webhook receiver · Standard Webhooks";

    public ChannelStats Stats { get; } = new();

    public WebhookStore Store { get; } = new();

    public static string Secret => SandboxCredentials.WebhookSecret;

    public static string PagePath(string id) => $"/{ChannelName}/site/{Uri.EscapeDataString(id)}";

    public void Map(RouteGroupBuilder group)
    {
        group.MapPost("/events", WebhookReceiver.ReceiveAsync);
        group.MapGet("/site/{id}", (string id) => Store.Get(id) is { Deleted: false } article
            ? Results.Content(
                $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(article.Title)}</title></head>" +
                $"<body><h1>{WebUtility.HtmlEncode(article.Title)}</h1><div class=\"article-content\">{article.BodyHtml}</div></body></html>",
                "text/html; charset=utf-8")
            : Results.NotFound());
    }

    /// <summary><c>GET /_sandbox/webhook/received</c>: <c>{"duplicates": n}</c>, events answered from an earlier delivery of their webhook-id.</summary>
    public void MapControl(RouteGroupBuilder control) =>
        control.MapGet("/received", () => TypedResults.Json(new { duplicates = Store.Duplicates }, SandboxJson.Options));

    public IReadOnlyList<SandboxArticle> Articles() => [.. Store.All().Select(static a =>
    {
        var metadata = (System.Text.Json.Nodes.JsonObject)a.Metadata.DeepClone();
        metadata["deliveries"] = a.Deliveries;
        return new SandboxArticle(a.Id, a.Title, PagePath(a.Id), a.Id, SandboxArticle.HashBody(a.BodyHtml), a.CreatedAt, a.UpdatedAt, a.Deleted, metadata);
    })];

    public bool EditArticle(string remoteId, string? title, string? content) =>
        Store.Change(remoteId, a => a.Deleted ? null : a with { Title = title ?? a.Title, BodyHtml = content ?? a.BodyHtml });

    public bool DeleteArticle(string remoteId) => Store.Change(remoteId, static a => a with { Deleted = true });

    public void Reset() => Store.Clear();
}
