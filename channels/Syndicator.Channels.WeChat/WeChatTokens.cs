namespace Syndicator.Channels.WeChat;

/// <summary>
/// The account's one access token, kept in the shared channel state so every process and node uses the same one
/// (reference §1). Fetched with <c>stable_token</c> in normal mode only: a repeat call answers the same token, so two
/// nodes refreshing at once converge instead of invalidating each other. Writes are compare-and-swap; a node that
/// loses the race uses the token the winner stored.
/// </summary>
internal sealed class WeChatTokens
{
    public const string StateKey = "access_token";

    /// <summary>stable_token renews a token in its last 5 minutes (reference §1b): refresh then, not earlier.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly WeChatChannel _channel;
    private readonly WeChatApi _api;

    public WeChatTokens(WeChatChannel channel, WeChatApi api)
    {
        _channel = channel;
        _api = api;
    }

    /// <summary>
    /// A usable token: the stored one while it has more than <see cref="RefreshMargin"/> left and is not
    /// <paramref name="refused"/> (a token a business call just refused), else a fetched one.
    /// </summary>
    public async Task<(string? Token, WeChatAnswer? Failure)> GetAsync(string? refused, CancellationToken cancellationToken)
    {
        var stored = await _channel.State.GetAsync(_channel.Id, StateKey, cancellationToken);
        var now = _channel.Time.GetUtcNow();
        if (stored is { ExpiresAt: { } expiresAt } && stored.Value != refused && expiresAt - now > RefreshMargin)
        {
            return (stored.Value, null);
        }

        return await FetchAsync(stored?.Version ?? 0, cancellationToken);
    }

    /// <summary>Fetches (normal mode) and stores the token whatever is stored: the health check's proof of the credentials.</summary>
    public async Task<(string? Token, WeChatAnswer? Failure)> FetchAsync(CancellationToken cancellationToken)
    {
        var stored = await _channel.State.GetAsync(_channel.Id, StateKey, cancellationToken);
        return await FetchAsync(stored?.Version ?? 0, cancellationToken);
    }

    private async Task<(string? Token, WeChatAnswer? Failure)> FetchAsync(long version, CancellationToken cancellationToken)
    {
        var answer = await _api.StableTokenAsync(cancellationToken);
        var token = answer.String("access_token");
        if (!answer.Ok || string.IsNullOrEmpty(token) || answer.Long("expires_in") is not { } seconds)
        {
            return (null, answer);
        }

        var now = _channel.Time.GetUtcNow();
        var expiresAt = now + TimeSpan.FromSeconds(seconds);
        if (await _channel.State.TryPutAsync(_channel.Id, StateKey, token, expiresAt, version, now, cancellationToken))
        {
            Log.TokenFetched(_channel.Logger, _channel.Id, expiresAt);
            return (token, null);
        }

        // Another node stored one first; normal mode means theirs is as good, and using it keeps everyone on one token.
        Log.TokenRaceLost(_channel.Logger, _channel.Id);
        var theirs = await _channel.State.GetAsync(_channel.Id, StateKey, cancellationToken);
        return (theirs?.Value ?? token, null);
    }

    /// <summary>Errcodes of a business call that mean "this token is no good" (reference §1c, §7).</summary>
    public static bool IsTokenRefused(int? errcode) => errcode is 40001 or 40014 or 42001;

}
