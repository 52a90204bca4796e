using System.Globalization;
using Spectre.Console;

namespace Syndicator.Host.Cli;

/// <summary>Markup lines on standard output, formatted the same whatever the machine's locale.</summary>
internal static class Say
{
    public static void Line(FormattableString markup) => AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, markup);
}
