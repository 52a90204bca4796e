using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Storage;

namespace Syndicator.Host.Cli;

/// <summary><c>keys create --name N --scope S… [--data DIR | --postgres CONNECTION]</c>: prints a new key once; stores its hash.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the key (kept in the audit trail).", Required = true };
        var scopes = new Option<string[]>("--scope")
        {
            Description = "submit, operate and/or read (repeat the option or list them).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        scopes.AcceptOnlyFromAmong([.. Scopes.All]);
        var store = new StoreOptions();
        var create = new Command("create", "Create an API key; it is printed once, alone on standard output.") { name, scopes };
        store.AddTo(create);
        create.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                var key = await CreateAsync(
                    StorageFor(result.GetValue(store.Data), result.GetValue(store.Postgres)),
                    result.GetValue(name)!, result.GetValue(scopes)!, TimeProvider.System, cancellationToken);
                Console.WriteLine(key);
                return SyndicatorCli.Success;
            }
            catch (Exception ex) when (ex is OptionsValidationException or NotSupportedException)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return SyndicatorCli.BadUsage;
            }
            catch (DbException ex)
            {
                // The driver's message names the server and the failure, never the password.
                await Console.Error.WriteLineAsync($"Cannot reach the store: {ex.Message}");
                return SyndicatorCli.WorkFailed;
            }
        });
        return new Command("keys", "Manage API keys.") { create };
    }

    /// <summary>Creates a key in the store described by <paramref name="options"/>, migrating it first.</summary>
    public static async Task<string> CreateAsync(
        StorageOptions options, string name, IReadOnlyList<string> scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddSingleton(time).AddSyndicatorStorage(options).BuildServiceProvider();
        await using (services)
        {
            await services.GetRequiredService<IStoreLifecycle>().MigrateAsync(cancellationToken);
            return await CreateAsync(services.GetRequiredService<IKeyStore>(), services.GetRequiredService<IAuditLog>(), name, scopes, time, cancellationToken);
        }
    }

    public static async Task<string> CreateAsync(
        IKeyStore keys, IAuditLog audit, string name, IReadOnlyList<string> scopes, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = ApiKeys.NewKey();
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        await keys.CreateAsync(new ApiKeyRecord(id, name, ApiKeys.Hash(key), scopes.Distinct().ToList(), now), cancellationToken);
        await audit.AppendAsync(new Core.Deliveries.AuditEntry(now, "cli", "key.created", null, null, null, null,
            $"key {id} '{name}' with scopes {string.Join(",", scopes.Distinct())}"), cancellationToken);
        return key;
    }

    public static StorageOptions StorageFor(string? data, string? postgres)
    {
        var configured = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("Syndicator__")
            .Build()
            .GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        if (data is not null)
        {
            configured.Provider = "Sqlite";
            configured.DataDirectory = data;
            configured.ConnectionString = null;
        }

        if (postgres is not null)
        {
            configured.Provider = "Postgres";
            configured.ConnectionString = postgres;
        }

        return configured;
    }
}
