using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Syndicator.Testing.Sandbox;

/// <summary>The WCM emulator's own control routes (<c>/_sandbox/approval/settings</c>, <c>/sessions</c>).</summary>
public static class ApprovalSandbox
{
    public const string Channel = "approval";

    /// <summary>Login counters: <c>active</c>, <c>logins</c>, <c>refusedLogins</c>, <c>loginedRefusals</c> (ERR_USER_LOGINED), <c>kicked</c> (ForceKick).</summary>
    public static async Task<ApprovalSessionStats> GetSessionsAsync(this SandboxServer sandbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        using var client = sandbox.CreateClient();
        return await client.GetFromJsonAsync<ApprovalSessionStats>($"_sandbox/{Channel}/sessions", cancellationToken)
            ?? throw new InvalidOperationException("The sandbox answered no session counters.");
    }

    /// <summary>Ends every WCM session now, as an idle timeout would.</summary>
    public static async Task ExpireSessionsAsync(this SandboxServer sandbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        using var client = sandbox.CreateClient();
        using var response = await client.PostAsync(new Uri($"_sandbox/{Channel}/sessions/expire", UriKind.Relative), null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Changes emulator settings, e.g. <c>{"refuseLogins": true}</c>; throws when the sandbox refuses them.</summary>
    public static async Task SetApprovalSettingsAsync(this SandboxServer sandbox, JsonObject settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        using var client = sandbox.CreateClient();
        using var response = await client.PostAsJsonAsync($"_sandbox/{Channel}/settings", settings, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The WCM emulator's login counters.</summary>
public sealed record ApprovalSessionStats(int Active, long Logins, long RefusedLogins, long LoginedRefusals = 0, long Kicked = 0);
