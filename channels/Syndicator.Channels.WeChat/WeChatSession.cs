using System.Text.Json.Nodes;
using Syndicator.Core.Items;

namespace Syndicator.Channels.WeChat;

/// <summary>
/// The calls of one operation, each with the shared access token. A call refused for its token (40001, 40014,
/// 42001) gets one refresh (normal mode) and is sent once more: the refusal means it did nothing (reference §1c).
/// A call of a budgeted API (<see cref="WeChatQuota"/>) is counted before each send; with the day's budget spent it
/// is not sent at all and answers <see cref="WeChatAnswer.Spent"/> (platform-truth W1).
/// </summary>
internal sealed class WeChatSession
{
    /// <summary>reach max api daily quota limit (reference §7).</summary>
    private const int DailyQuota = 45009;

    private readonly WeChatChannel _channel;
    private string? _token;

    public WeChatSession(WeChatChannel channel, WeChatApi api)
    {
        _channel = channel;
        Api = api;
        Tokens = new WeChatTokens(channel, api);
        Budget = new WeChatBudget(channel);
    }

    public WeChatBudget Budget { get; }

    public WeChatApi Api { get; }

    public WeChatTokens Tokens { get; }

    public Task<WeChatAnswer> PostAsync(string call, JsonObject body, bool idempotent, CancellationToken cancellationToken) =>
        CallAsync(call, token => Api.PostAsync(call, token, body, idempotent, cancellationToken), cancellationToken);

    public Task<WeChatAnswer> UploadAsync(string call, MediaFile file, CancellationToken cancellationToken) =>
        CallAsync(call, token => Api.UploadAsync(call, token, file, cancellationToken), cancellationToken);

    private async Task<WeChatAnswer> CallAsync(string call, Func<string, Task<WeChatAnswer>> send, CancellationToken cancellationToken)
    {
        if (_token is null)
        {
            var (token, failure) = await Tokens.GetAsync(refused: null, cancellationToken);
            if (token is null)
            {
                return failure!;
            }

            _token = token;
        }

        var answer = await SendWithinBudgetAsync(call, send, _token, cancellationToken);
        if (!WeChatTokens.IsTokenRefused(answer.Errcode))
        {
            return answer;
        }

        Log.TokenRefused(_channel.Logger, _channel.Id, call, answer.Errcode!.Value);
        var (fresh, refreshFailure) = await Tokens.GetAsync(refused: _token, cancellationToken);
        if (fresh is null)
        {
            return refreshFailure!;
        }

        _token = fresh;
        return await SendWithinBudgetAsync(call, send, fresh, cancellationToken);
    }

    private async Task<WeChatAnswer> SendWithinBudgetAsync(
        string call, Func<string, Task<WeChatAnswer>> send, string token, CancellationToken cancellationToken)
    {
        var api = call.Split('?')[0];
        if (WeChatQuota.For(api) is { } quota && await Budget.TakeAsync(quota, cancellationToken) is { } spent)
        {
            return new WeChatAnswer(api, spent);
        }

        var answer = await send(token);
        if (answer.Errcode == DailyQuota && WeChatQuota.For(api) is { } refused)
        {
            await Budget.MarkSpentAsync(refused, cancellationToken);
        }

        return answer;
    }
}
