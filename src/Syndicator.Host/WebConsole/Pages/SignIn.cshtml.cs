using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// Sign-in with a local account. A wrong name and a wrong password read the same; a locked account says until when.
/// Rate-limited per address (ConsoleSetup) and locked per account after Console:LockoutAttempts bad passwords.
/// </summary>
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
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(password) || name.Length > 64 || password.Length > 256)
        {
            Message = text["BadPassword"];
            return Page();
        }

        var result = await accounts.CheckAsync(name, password, cancellationToken);
        switch (result.Status)
        {
            case SignInStatus.SignedIn:
                await HttpContext.SignInAsync(ConsoleAuth.Scheme, ConsoleAuth.Principal(result.User!));
                // IT's first page is channel status; everyone else starts at the item list.
                return LocalRedirect(ReturnUrl == "/" && result.User!.Role == ConsoleRoles.It ? "/channels" : ReturnUrl);
            case SignInStatus.Locked:
                Message = text.Format("Locked", text.Time(result.LockedUntil));
                return Page();
            default:
                Message = text["BadPassword"];
                return Page();
        }
    }

    private string Local(string? url) => url is not null && Url.IsLocalUrl(url) ? url : "/";
}
