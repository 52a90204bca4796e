using System.CommandLine;

namespace Syndicator.Host.Cli;

/// <summary>The <c>--data DIR | --postgres CONNECTION</c> pair that serve and keys share.</summary>
internal sealed class StoreOptions
{
    public Option<string?> Data { get; } = new("--data") { Description = "Folder of the SQLite file (default ./data, or Storage:DataDirectory)." };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "Use this PostgreSQL connection string instead of SQLite." };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
        command.Validators.Add(r =>
        {
            if (r.GetValue(Data) is not null && r.GetValue(Postgres) is not null)
            {
                r.AddError("--data and --postgres cannot be used together.");
            }
        });
    }
}
