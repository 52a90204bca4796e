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

/// <summary>The fields Syndicator sets on a content, for create and update alike.</summary>
internal sealed record SsCmsContentFields(
    string Title,
    string Body,
    string Summary,
    string Source,
    string ImageUrl,
    bool Checked);

/// <summary>The part of a stored content the connector reads.</summary>
internal sealed record SsCmsContent(int Id, int ChannelId, string? Title, string? Body);

/// <summary>The answer of <c>POST /api/v1/contents</c>.</summary>
internal sealed record SsCmsContentList(int TotalCount, IReadOnlyList<SsCmsContent>? Contents);

/// <summary>The body of <c>POST /api/v1/contents</c>.</summary>
internal sealed record SsCmsListQuery(
    int SiteId,
    int ChannelId,
    int Page,
    int PerPage,
    IReadOnlyList<SsCmsListOrder> Orders,
    IReadOnlyList<SsCmsListWhere> Wheres);

internal sealed record SsCmsListOrder(string Column, bool Desc);

internal sealed record SsCmsListWhere(string Column, string Operator, string Value);
