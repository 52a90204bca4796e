using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Syndicator.Core.Storage;

namespace Syndicator.Host.WebConsole;

/// <summary>The console's cookie sign-in, beside the API-key scheme (which alone serves <c>/api</c>).</summary>
internal static class ConsoleAuth
{
    public const string Scheme = "Console";

    /// <summary>How the audit trail names a console user, beside <c>key:NAME</c> for API keys.</summary>
    public static string Actor(ClaimsPrincipal user) => "user:" + (user.Identity?.Name ?? "?");

    /// <summary>The claim that carries the account's session generation at sign-in (see <see cref="UserRecord.SessionGeneration"/>).</summary>
    public const string GenerationClaim = "syndicator:session";

    public static ClaimsPrincipal Principal(UserRecord user) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Role, user.Role),
            new Claim(GenerationClaim, user.SessionGeneration.ToString(CultureInfo.InvariantCulture)),
        ],
        Scheme, ClaimTypes.Name, ClaimTypes.Role));

    public static void Configure(CookieAuthenticationOptions cookie, ConsoleOptions options)
    {
        cookie.Cookie.Name = "syndicator.console";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = options.CookieLifetime;
        cookie.SlidingExpiration = true;
        cookie.LoginPath = "/signin";
        cookie.LogoutPath = "/signout";
        cookie.AccessDeniedPath = "/denied";
        cookie.Events.OnValidatePrincipal = ValidateAsync;
        cookie.Events.OnRedirectToAccessDenied = DenyAsync;
    }

    /// <summary>
    /// Each request re-reads the account: a removed or disabled account, a changed role, a reset password or a sign-out
    /// (each moves the account's session generation on) ends the sign-in at once rather than when the cookie expires,
    /// copies of the cookie included. The check is against the store, so it holds whatever Data Protection key ring
    /// protects the cookie. A lock-out does not end a sign-in: lock-outs are per address, and a guesser elsewhere must
    /// not be able to throw the account's owner out.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var role = context.Principal?.FindFirstValue(ClaimTypes.Role);
        var generation = context.Principal?.FindFirstValue(GenerationClaim);
        var services = context.HttpContext.RequestServices;
        var user = name is null ? null : await services.GetRequiredService<IUserStore>().FindAsync(name, context.HttpContext.RequestAborted);
        if (user is null || user.IsDisabled || user.Role != role
            || generation != user.SessionGeneration.ToString(CultureInfo.InvariantCulture))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }

    /// <summary>A refusal is a 403 page (not a redirect), so that a direct call sees the status too.</summary>
    private static async Task DenyAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var text = context.HttpContext.RequestServices.GetRequiredService<ConsoleText>();
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/html; charset=utf-8";
        var html = $"""
            <!DOCTYPE html><html lang="{text.Language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>403 · {WebUtility.HtmlEncode(text["Denied"])}</title><link rel="stylesheet" href="/assets/console.css"></head>
            <body><main class="denied"><h1>403 · {WebUtility.HtmlEncode(text["Denied"])}</h1><p>{WebUtility.HtmlEncode(text["DeniedDetail"])}</p>
            <p><a href="/">{WebUtility.HtmlEncode(text["Back"])}</a> · <a href="/signin">{WebUtility.HtmlEncode(text["SignInOther"])}</a></p></main></body></html>
            """;
        await context.Response.WriteAsync(html);
    }
}
