using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// Ends the sign-in (a POST with the anti-forgery token, so no other site can sign a user out). The account's session
/// generation moves on, so a copy of the cookie stops working too — on every device the account is signed in on.
/// </summary>
internal sealed class SignOutModel(Accounts accounts) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    [HandlerPolicy(ConsolePolicies.Any)]
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.Name is { } name)
        {
            await accounts.SignOutAsync(name, cancellationToken);
        }

        await HttpContext.SignOutAsync(ConsoleAuth.Scheme);
        return Redirect("/signin");
    }
}
