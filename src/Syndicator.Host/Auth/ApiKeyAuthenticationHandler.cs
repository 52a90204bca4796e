using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;
using Syndicator.Host.Api;

namespace Syndicator.Host.Auth;

public static class ApiKeyAuthentication
{
    public const string Scheme = "ApiKey";
    public const string ScopeClaim = "scope";
}

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c>: looks the key's hash up in the store (through <see cref="ApiKeyCache"/>). Challenges and refusals answer
/// with problem details (401 no or bad key, 403 wrong scope).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var record = await keys.FindAsync(ApiKeys.Hash(header[BearerPrefix.Length..].Trim()), Context.RequestAborted);
        if (record is null)
        {
            return AuthenticateResult.Fail("The API key is not known or was revoked.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, record.Name), new("key_id", record.Id) };
        claims.AddRange(record.Scopes.Select(s => new Claim(ApiKeyAuthentication.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? "An API key is required: send 'Authorization: Bearer <api key>'.";
        await Problems.Write(Context, StatusCodes.Status401Unauthorized, "Not authenticated.", detail,
            new Dictionary<string, string[]> { ["authorization"] = [detail] });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var needed = Context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>()?.Policy ?? "?";
        var detail = $"This API key lacks the '{needed}' scope this call needs.";
        return Problems.Write(Context, StatusCodes.Status403Forbidden, "Not allowed.", detail,
            new Dictionary<string, string[]> { ["scope"] = [detail] });
    }
}
