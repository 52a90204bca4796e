using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// Sign-in with a local account. Every refusal — unknown name, wrong password, locked out, disabled — reads the same.
/// Rate-limited per client address on this page's endpoint, whatever the spelling of its path (ConsoleSetup), and
/// locked per (account, address) after Console:LockoutAttempts bad passwords.
/// </summary>
[EnableRateLimiting(ConsoleSetup.SignInPolicy)]
internal sealed class SignInModel(Accounts accounts, ConsoleText text) : PageModel
{
    public string? Message { get; private set; }

    public string? Name { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    [HandlerPolicy(HandlerPolicyAttribute.Anyone)]
    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        ReturnUrl = Local(returnUrl);
        Name = name;
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || name.Length > 64 || password.Length > Accounts.MaxPasswordLength)
        {
            Message = text["SignInRefused"];
            return Page();
        }

        var result = await accounts.CheckAsync(name, password, ClientAddress.Of(HttpContext), cancellationToken);
        if (result.Status != SignInStatus.SignedIn)
        {
            Message = text["SignInRefused"];
            return Page();
        }

        await HttpContext.SignInAsync(ConsoleAuth.Scheme, ConsoleAuth.Principal(result.User!));

        // IT's first page is channel status; everyone else starts at the item list.
        return LocalRedirect(ReturnUrl == "/" && result.User!.Role == ConsoleRoles.It ? "/channels" : ReturnUrl);
    }

    private string Local(string? url) => url is not null && Url.IsLocalUrl(url) ? url : "/";
}
