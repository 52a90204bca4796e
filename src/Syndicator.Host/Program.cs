using Syndicator.Host.Cli;

// The one executable: `syndicator VERB`. With no verb it serves (DESIGN §6).
return await SyndicatorCli.RunAsync(args.Length == 0 ? ["serve"] : args);
