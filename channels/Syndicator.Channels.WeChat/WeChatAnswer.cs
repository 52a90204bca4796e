using System.Globalization;
using System.Net;
using System.Text.Json;
using RestSharp;
using Syndicator.Channels.Toolkit;
using Syndicator.Core.Channels;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// What one call to WeChat came back with. WeChat answers HTTP 200 with <c>{errcode, errmsg}</c> on errors and often
/// no errcode at all on success: a missing errcode counts as 0 (reference §0).
/// </summary>
internal sealed class WeChatAnswer
{
    private const int MaxMessageLength = 200;

    public WeChatAnswer(string call, RestResponse response)
    {
        Call = call;
        Response = response;
        Body = Parse(response);
    }

    /// <summary>A call never sent because today's budget of its API is spent (<see cref="WeChatBudget"/>).</summary>
    public WeChatAnswer(string call, ChannelOutcome.QuotaExhausted spent)
    {
        Call = call;
        Response = new RestResponse(new RestRequest());
        Spent = spent;
    }

    /// <summary>Set when the call was not sent because its daily budget is spent: the wait until the next quota day.</summary>
    public ChannelOutcome.QuotaExhausted? Spent { get; }

    /// <summary>The API path below <c>cgi-bin/</c>, e.g. <c>draft/add</c>.</summary>
    public string Call { get; }

    public RestResponse Response { get; }

    /// <summary>The JSON object of a 2xx answer; null otherwise or when it did not parse.</summary>
    public JsonElement? Body { get; }

    /// <summary>Whether an HTTP answer arrived at all (false after a refused connection, reset or timeout).</summary>
    public bool Answered => HttpFailures.Answered(Response);

    /// <summary>The errcode of a readable answer (0 when absent); null when there is no readable answer.</summary>
    public int? Errcode => Body is { } body
        ? body.TryGetProperty("errcode", out var code) && code.TryGetInt32(out var value) ? value : 0
        : null;

    public bool Ok => Errcode == 0;

    /// <summary>The errcode, or else the HTTP status, for the attempt log.</summary>
    public string Code => Errcode is { } errcode && errcode != 0
        ? errcode.ToString(CultureInfo.InvariantCulture)
        : ((int)Response.StatusCode).ToString(CultureInfo.InvariantCulture);

    public HttpStatusCode StatusCode => Response.StatusCode;

    /// <summary>errmsg (its <c>rid:</c> suffix included, for WeChat's own diagnosis), or the start of the body.</summary>
    public string Message => String("errmsg") is { } message ? HttpFailures.Excerpt(message, MaxMessageLength) : HttpFailures.Excerpt(Response.Content, MaxMessageLength);

    /// <summary>True when the request certainly did not reach WeChat: the connection could not be opened, or the budget held it back.</summary>
    public bool NothingSent => Spent is not null || HttpFailures.NothingSent(Response);

    /// <summary>Why no answer arrived (never carries the secret, which travels only in a request body).</summary>
    public string ErrorText => Spent?.Reason ?? HttpFailures.ErrorText(Response);

    public string? String(string name) => String(Body, name);

    public long? Long(string name) => Long(Body, name);

    public static string? String(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>Ids exceed Int32 and arrive as a number or a string (reference §0).</summary>
    public static long? Long(JsonElement? element, string name) =>
        long.TryParse(String(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static JsonElement? Parse(RestResponse response)
    {
        if (!response.IsSuccessStatusCode || string.IsNullOrWhiteSpace(response.Content))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(response.Content);
            return json.RootElement.ValueKind == JsonValueKind.Object ? json.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
