using System.Text.Encodings.Web;
using System.Text.Json;

namespace Syndicator.Channels.SsCms;

/// <summary>JSON as SSCMS v1 speaks it: camelCase, Chinese text unescaped.</summary>
internal static class SsCmsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>
/// The fields Syndicator sets on a content, for create and update alike. <see cref="ImageUrl"/> is a VARCHAR(500)
/// column on every production database (S2): it is always empty; the cover travels in the body.
/// </summary>
internal sealed record SsCmsContentFields(
    string Title,
    string Body,
    string Summary,
    string Source,
    string ImageUrl,
    bool Checked);

/// <summary>The part of a stored content the connector reads; <see cref="NavigationUrl"/> only in list answers (S7).</summary>
internal sealed record SsCmsContent(int Id, int ChannelId, string? Title, string? Body)
{
    public bool Checked { get; init; }

    public string? NavigationUrl { get; init; }
}

/// <summary>The answer of <c>POST /api/v1/contents</c>.</summary>
internal sealed record SsCmsContentList(int TotalCount, IReadOnlyList<SsCmsContent>? Contents);

/// <summary>The answer of <c>GET /api/ping/status</c> (S1): the version and whether the database answers.</summary>
internal sealed record SsCmsStatus(string? Version, bool IsDatabaseWorks);

/// <summary>The body of <c>POST /api/v1/contents</c>.</summary>
internal sealed record SsCmsListQuery(
    int SiteId,
    int ChannelId,
    int Page,
    int PerPage,
    IReadOnlyList<SsCmsListOrder> Orders,
    IReadOnlyList<SsCmsListWhere> Wheres);

internal sealed record SsCmsListOrder(string Column, bool Desc);

/// <summary>A filter of the list; SSCMS binds <c>Value</c> as a string (<c>ClauseWhere</c>).</summary>
internal sealed record SsCmsListWhere(string Column, string Operator, string Value);
