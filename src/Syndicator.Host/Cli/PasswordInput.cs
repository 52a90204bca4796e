using System.Text;

namespace Syndicator.Host.Cli;

/// <summary>
/// A password for <c>users add</c> and <c>users reset-password</c>: the first line of standard input when it is
/// redirected, else typed twice at a prompt without echo — never an argument, where it would sit in the shell history
/// and the process list.
/// </summary>
internal static class PasswordInput
{
    /// <summary>The password; null (and the reason on standard error) when the two typed differ.</summary>
    public static async Task<string?> ReadAsync()
    {
        if (Console.IsInputRedirected)
        {
            return (await Console.In.ReadLineAsync())?.TrimEnd('\r');
        }

        var first = Prompt("Password: ");
        var second = Prompt("Again: ");
        if (first != second)
        {
            await Console.Error.WriteLineAsync("The two passwords differ.");
            return null;
        }

        return first;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
