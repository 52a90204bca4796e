using System.CommandLine;
using Syndicator.Bench;

try
{
    return await BenchCommands.Create().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (BenchTimeoutException timeout)
{
    // A wait passed its deadline: say what it was waiting for and stop with a code of its own.
    await Console.Error.WriteLineAsync("bench: " + timeout.Message);
    return 3;
}
catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException or IOException)
{
    await Console.Error.WriteLineAsync("bench: failed: " + failure);
    return 1;
}
