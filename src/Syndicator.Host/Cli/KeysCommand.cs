using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Syndicator.Core.Storage;
using Syndicator.Host.Auth;
using Syndicator.Storage;

namespace Syndicator.Host.Cli;

/// <summary>
/// <c>keys create --name N --scope S…</c> (prints a new key once; stores its hash), <c>keys list</c>, <c>keys revoke ID</c>,
/// each with <c>[--data DIR | --postgres CONNECTION]</c>.
/// </summary>
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
        var create = LocalStore.Verb("create", "Create an API key; it is printed once, alone on standard output.", [name, scopes], async (result, services, ct) =>
        {
            var key = await CreateAsync(
                services.GetRequiredService<IKeyStore>(), services.GetRequiredService<IAuditLog>(), result.GetValue(name)!, result.GetValue(scopes)!,
                TimeProvider.System, ct);
            Console.WriteLine(key);
            return SyndicatorCli.Success;
        });
        var keys = new Command("keys", "Manage API keys.") { create };
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Revoke());
        return keys;
    }

    private static Command List() =>
        LocalStore.Verb("list", "List API keys: id, name, scopes, created, revoked (never the key or its hash).", [], async (_, services, ct) =>
        {
            foreach (var key in await services.GetRequiredService<IKeyStore>().ListKeysAsync(ct))
            {
                var revoked = key.RevokedAt is { } at ? $"revoked {at:O} by {key.RevokedBy}" : "active";
                Console.WriteLine($"{key.Id}\t{key.Name}\t{string.Join(",", key.Scopes)}\t{key.CreatedAt:O}\t{revoked}");
            }

            return SyndicatorCli.Success;
        });

    private static Command Revoke()
    {
        var id = new Argument<string>("ID") { Description = "The key's id, as keys list shows it." };
        return LocalStore.Verb("revoke", "Revoke an API key; a running service refuses it within 30 seconds.", [id], async (result, services, ct) =>
        {
            var revoked = await KeyRevocation.RevokeAsync(
                services.GetRequiredService<IKeyStore>(), services.GetRequiredService<IAuditLog>(), result.GetValue(id)!, "cli", TimeProvider.System, ct);
            if (revoked is null)
            {
                await Console.Error.WriteLineAsync($"There is no API key with id '{result.GetValue(id)}'.");
                return SyndicatorCli.WorkFailed;
            }

            await Console.Error.WriteLineAsync(revoked.Revoked
                ? $"Revoked key {revoked.Key.Id} '{revoked.Key.Name}'; a running service refuses it within {ApiKeyCache.Lifetime.TotalSeconds:0} seconds."
                : $"Key {revoked.Key.Id} '{revoked.Key.Name}' was revoked already, at {revoked.Key.RevokedAt:O} by {revoked.Key.RevokedBy}.");
            return SyndicatorCli.Success;
        });
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
