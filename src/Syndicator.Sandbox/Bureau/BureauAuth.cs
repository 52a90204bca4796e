using Microsoft.AspNetCore.Http;

namespace Syndicator.Sandbox.Bureau;

/// <summary>SSCMS API keys: <c>X-SS-API-KEY</c> header, else <c>?apiKey=</c>; the contents routes need the Contents scope.</summary>
internal static class BureauAuth
{
    public const string HeaderName = "X-SS-API-KEY";

    private const string ContentsScope = "Contents";

    private static readonly Dictionary<string, string[]> Scopes = new(StringComparer.Ordinal)
    {
        [SandboxCredentials.BureauApiKey] = ["Channels", ContentsScope, "STL"],
        [SandboxCredentials.BureauApiKeyWithoutContentsScope] = ["Channels", "STL"],
    };

    /// <summary>Endpoint filter of the contents routes: 401 problem details unless the key has the Contents scope.</summary>
    public static ValueTask<object?> RequireContentsScope(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var request = invocation.HttpContext.Request;
        string? key = request.Headers[HeaderName];
        key ??= request.Query["apiKey"];
        return key is not null && Scopes.TryGetValue(key, out var scopes) && scopes.Contains(ContentsScope)
            ? next(invocation)
            : ValueTask.FromResult<object?>(BureauResults.Unauthorized(invocation.HttpContext));
    }
}
