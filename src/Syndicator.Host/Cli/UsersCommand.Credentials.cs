using System.CommandLine;
using Syndicator.Host.WebConsole;

namespace Syndicator.Host.Cli;

/// <summary><c>users set-role NAME ROLE</c> and <c>users reset-password NAME</c>: both end the account's sign-ins.</summary>
internal static partial class UsersCommand
{
    private static Command SetRole()
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        var role = new Argument<string>("ROLE") { Description = "operator, it, auditor or admin." };
        role.AcceptOnlyFromAmong([.. ConsoleRoles.All]);
        return LocalStore.Verb("set-role", "Give the account another role; its sign-ins end.", [name, role], async (result, services, ct) =>
            await ReportAsync(
                await services.GetRequiredService<Accounts>().SetRoleAsync(result.GetValue(name)!, result.GetValue(role)!, Actor, ct),
                result.GetValue(name)!, $"Role {result.GetValue(role)} given to"));
    }

    private static Command ResetPassword()
    {
        var name = new Argument<string>("NAME") { Description = "The account." };
        return LocalStore.Verb(
            "reset-password",
            "Set a new password (from standard input or a prompt); the account's sign-ins end and its lock-outs are lifted.",
            [name],
            async (result, services, ct) =>
            {
                var password = await PasswordInput.ReadAsync();
                var problem = password is null ? "No password was given." : Accounts.PasswordProblem(password);
                if (problem is not null)
                {
                    await Console.Error.WriteLineAsync(problem);
                    return SyndicatorCli.BadUsage;
                }

                return await ReportAsync(
                    await services.GetRequiredService<Accounts>().ResetPasswordAsync(result.GetValue(name)!, password!, Actor, ct),
                    result.GetValue(name)!, "New password set for");
            });
    }
}
