using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;

namespace Syndicator.Host.WebConsole.Pages;

/// <summary>
/// 账户与密钥 (admin only): console accounts — disable and enable, set role, reset password, unlock — and API keys with
/// revoke. Disabling and revoking ask for a confirmation first. A password typed here is never shown back; every change
/// is audited under the admin's name. An admin cannot disable or re-role their own account here (the CLI can).
/// </summary>
[Authorize(Policy = ConsolePolicies.Admin)]
internal sealed partial class AccessModel(
    Accounts accounts, IUserStore users, IKeyStore keys, IAuditLog audit, ApiKeyCache keyCache, TimeProvider time, ConsoleText text) : PageModel
{
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];

    public ILookup<string, SignInFailures> Lockouts { get; private set; } = Array.Empty<SignInFailures>().ToLookup(l => l.Name);

    public IReadOnlyList<ApiKeyInfo> Keys { get; private set; } = [];

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Set when the page asks to confirm disabling this account.</summary>
    public string? ConfirmDisable { get; private set; }

    /// <summary>Set when the page asks to confirm revoking this key.</summary>
    public ApiKeyInfo? ConfirmRevoke { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    [HandlerPolicy(ConsolePolicies.Admin)]
    public async Task<IActionResult> OnPostRevokeAsync(string? id, bool confirmed, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var key = Keys.FirstOrDefault(k => k.Id == id);
        if (key is null)
        {
            return Fail(text.Format("NoSuchKey", id));
        }

        if (!confirmed)
        {
            ConfirmRevoke = key;
            return Page();
        }

        await KeyRevocation.RevokeAsync(keys, audit, key.Id, ConsoleAuth.Actor(User), time, cancellationToken);

        // This process stops honouring the key at once; other nodes within their cache's lifetime.
        keyCache.Forget(key.Id);
        return await DoneAsync(text.Format("RevokedDone", key.Id), cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await users.ListAsync(cancellationToken);
        Lockouts = (await users.ListLockoutsAsync(time.GetUtcNow(), cancellationToken)).ToLookup(l => l.Name, StringComparer.Ordinal);
        Keys = await keys.ListKeysAsync(cancellationToken);
    }

    private async Task<IActionResult> DoneAsync(string message, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Done = message;
        return Page();
    }

    private PageResult Fail(string message)
    {
        Error = message;
        return Page();
    }
}
