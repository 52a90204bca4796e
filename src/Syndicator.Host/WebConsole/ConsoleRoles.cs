namespace Syndicator.Host.WebConsole;

/// <summary>The roles a console account may have (DESIGN §10).</summary>
public static class ConsoleRoles
{
    /// <summary>信息公开专员: items, actions, the failure queue.</summary>
    public const string Operator = "operator";

    /// <summary>IT: channel status and health checks.</summary>
    public const string It = "it";

    /// <summary>Auditors: the audit log and read-only views.</summary>
    public const string Auditor = "auditor";

    /// <summary>Everything.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Operator, It, Auditor, Admin];
}

/// <summary>
/// The console's authorization policies. Each names the roles it admits; admin is in every one. Every page has one
/// (the folder-wide <see cref="Any"/> plus its own) and every POST handler names one with <see cref="HandlerPolicyAttribute"/>.
/// </summary>
internal static class ConsolePolicies
{
    /// <summary>Any signed-in console account.</summary>
    public const string Any = "console.any";

    /// <summary>Reading items and the failure queue: operator, auditor.</summary>
    public const string ReadItems = "console.items.read";

    /// <summary>Republish, retry, withdraw, confirm: operator.</summary>
    public const string Operate = "console.operate";

    /// <summary>Channel status and "check now": it.</summary>
    public const string Channels = "console.channels";

    /// <summary>The audit log: auditor.</summary>
    public const string Audit = "console.audit";

    /// <summary>Event subscriptions, their events and failures (read): it, and auditor read-only.</summary>
    public const string Events = "console.events";

    /// <summary>Sending events again (replay): it.</summary>
    public const string EventsReplay = "console.events.replay";

    /// <summary>Accounts: admin only.</summary>
    public const string Admin = "console.admin";

    public static readonly IReadOnlyDictionary<string, string[]> Roles = new Dictionary<string, string[]>
    {
        [Any] = [.. ConsoleRoles.All],
        [ReadItems] = [ConsoleRoles.Operator, ConsoleRoles.Auditor, ConsoleRoles.Admin],
        [Operate] = [ConsoleRoles.Operator, ConsoleRoles.Admin],
        [Channels] = [ConsoleRoles.It, ConsoleRoles.Admin],
        [Audit] = [ConsoleRoles.Auditor, ConsoleRoles.Admin],
        [Events] = [ConsoleRoles.It, ConsoleRoles.Auditor, ConsoleRoles.Admin],
        [EventsReplay] = [ConsoleRoles.It, ConsoleRoles.Admin],
        [Admin] = [ConsoleRoles.Admin],
    };
}

/// <summary>The policy a page handler that changes something requires; a POST handler without one is refused.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class HandlerPolicyAttribute(string policy) : Attribute
{
    /// <summary>Open to anyone, signed in or not (signing in itself).</summary>
    public const string Anyone = "";

    public string Policy { get; } = policy;
}
