using Npgsql;
using Xunit;

namespace Syndicator.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: <c>initdb</c> into a temporary directory, started on 127.0.0.1 with a
/// free port and its unix socket in that directory, trust authentication for the <c>postgres</c> superuser, durability
/// switched off for speed. Stopped and deleted on dispose. Share one per test assembly through an xunit collection
/// fixture; each test class or test takes a fresh database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>As root (CI), initdb and pg_ctl run as the <c>postgres</c> system user, who owns the directory.</remarks>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string Superuser = "postgres";
    private const string ServiceAccount = "postgres";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"syndicator-pg-{Guid.NewGuid():N}");
    private PostgresBinaries? _binaries;
    private string? _runAs;
    private bool _running;

    /// <summary>The TCP port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    private string DataDirectory => Path.Combine(_root, "data");

    private string SocketDirectory => Path.Combine(_root, "socket");

    private string LogFile => Path.Combine(_root, "server.log");

    /// <summary>A connection string for <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Timeout = 5,
    }.ToString();

    public async Task InitializeAsync()
    {
        _binaries = PostgresBinaries.Find();
        _runAs = Environment.UserName == "root" ? ServiceAccount : null;
        Directory.CreateDirectory(SocketDirectory);
        if (_runAs is not null)
        {
            await ProcessRunner.RunAsync(null, "chown", "-R", $"{ServiceAccount}:{ServiceAccount}", _root);
        }

        await ProcessRunner.RunAsync(_runAs, _binaries.InitDb,
            "-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;

        // A port free a moment ago may be taken by the time the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = LoopbackPort.Free();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Starts the server again after <see cref="StopAsync"/>, on the same port and data.</summary>
    public async Task StartAsync()
    {
        await ProcessRunner.RunAsync(_runAs, _binaries!.PgCtl,
            "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {SocketDirectory} -c max_connections=300 "
                + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");
        _running = true;
    }

    /// <summary>Stops the server (fast shutdown: sessions are ended, committed data kept).</summary>
    public async Task StopAsync()
    {
        await ProcessRunner.RunAsync(_runAs, _binaries!.PgCtl, "-D", DataDirectory, "-m", "fast", "-w", "stop");
        _running = false;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, ending its sessions.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        if (_running)
        {
            await ProcessRunner.RunAsync(_runAs, _binaries!.PgCtl, "-D", DataDirectory, "-m", "immediate", "-w", "stop");
            _running = false;
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        // No pooling: administrative connections must not linger in a pool that outlives a dropped database.
        await using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A test run that ends without disposing (an abort) still stops the server rather than leaving it behind.</summary>
    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (_running)
        {
            ProcessRunner.RunAsync(_runAs, _binaries!.PgCtl, "-D", DataDirectory, "-m", "immediate", "stop").GetAwaiter().GetResult();
        }
    }
}
