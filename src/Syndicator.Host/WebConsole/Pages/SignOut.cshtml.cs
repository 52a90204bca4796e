using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>Ends the sign-in (a POST with the anti-forgery token, so no other site can sign a user out).</summary>
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    [HandlerPolicy(ConsolePolicies.Any)]
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleAuth.Scheme);
        return Redirect("/signin");
    }
}
