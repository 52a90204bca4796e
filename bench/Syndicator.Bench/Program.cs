using Syndicator.Bench;

return await BenchCommands.Create().Parse(args).InvokeAsync();
