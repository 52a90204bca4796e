using Microsoft.AspNetCore.Mvc;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>The account handlers of 账户与密钥.</summary>
internal sealed partial class AccessModel
{
    [HandlerPolicy(ConsolePolicies.Admin)]
    public async Task<IActionResult> OnPostDisableAsync(string? name, bool confirmed, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Problem(name, aboutSelf: true) is { } problem)
        {
            return Fail(problem);
        }

        if (!confirmed)
        {
            ConfirmDisable = name;
            return Page();
        }

        await accounts.DisableAsync(name!, ConsoleAuth.Actor(User), cancellationToken);
        return await DoneAsync(text.Format("AccountDisabledDone", name), cancellationToken);
    }

    [HandlerPolicy(ConsolePolicies.Admin)]
    public async Task<IActionResult> OnPostEnableAsync(string? name, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Problem(name, aboutSelf: false) is { } problem)
        {
            return Fail(problem);
        }

        await accounts.EnableAsync(name!, ConsoleAuth.Actor(User), cancellationToken);
        return await DoneAsync(text.Format("AccountEnabledDone", name), cancellationToken);
    }

    [HandlerPolicy(ConsolePolicies.Admin)]
    public async Task<IActionResult> OnPostUnlockAsync(string? name, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Problem(name, aboutSelf: false) is { } problem)
        {
            return Fail(problem);
        }

        await accounts.UnlockAsync(name!, ConsoleAuth.Actor(User), cancellationToken);
        return await DoneAsync(text.Format("AccountUnlockedDone", name), cancellationToken);
    }

    [HandlerPolicy(ConsolePolicies.Admin)]
    public async Task<IActionResult> OnPostRoleAsync(string? name, string? role, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Problem(name, aboutSelf: true) is { } problem)
        {
            return Fail(problem);
        }

        if (role is null || Accounts.RoleProblem(role) is not null)
        {
            return Fail(Accounts.RoleProblem(role ?? "")!);
        }

        await accounts.SetRoleAsync(name!, role, ConsoleAuth.Actor(User), cancellationToken);
        return await DoneAsync(text.Format("RoleDone", name, text["role." + role]), cancellationToken);
    }

    [HandlerPolicy(ConsolePolicies.Admin)]
    public async Task<IActionResult> OnPostPasswordAsync(string? name, string? password, string? again, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Problem(name, aboutSelf: false) is { } problem)
        {
            return Fail(problem);
        }

        if (password != again)
        {
            return Fail(text["PasswordsDiffer"]);
        }

        if (Accounts.PasswordProblem(password ?? "") is not null)
        {
            return Fail(text["PasswordTooShort"]);
        }

        await accounts.ResetPasswordAsync(name!, password!, ConsoleAuth.Actor(User), cancellationToken);
        return await DoneAsync(text.Format("PasswordDone", name), cancellationToken);
    }

    /// <summary>Why the account <paramref name="name"/> cannot be changed this way; null when it can.</summary>
    private string? Problem(string? name, bool aboutSelf)
    {
        if (name is null || !Users.Any(u => u.Name == name))
        {
            return text.Format("NoSuchAccount", name);
        }

        return aboutSelf && name == User.Identity?.Name ? text["NotYourself"] : null;
    }
}
