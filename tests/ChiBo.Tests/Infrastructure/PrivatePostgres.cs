using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChiBo.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (initdb in a temporary folder, 127.0.0.1 on a free port), for a test that
/// must restart the server under load without disturbing the other test classes' shared one. Null when the machine
/// has no PostgreSQL binaries.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    readonly string _bin;
    readonly string _data;
    readonly int _port;
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=30";

    PrivatePostgres(string bin, string data, int port) => (_bin, _data, _port) = (bin, data, port);

    public static string? BinFolder => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => d).FirstOrDefault()
        : null;

    public static PrivatePostgres? TryStart()
    {
        if (BinFolder is not { } bin) return null;
        var data = Path.Combine(Path.GetTempPath(), "chibo-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(data);
        if (IsRoot) Run("chown", $"postgres: {data}");
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var pg = new PrivatePostgres(bin, data, port);
        pg.Pg("initdb", $"-D {data} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
        pg.Ctl("start");
        return pg;
    }

    /// <summary>Stops the server (fast: open connections are cut, as in a real restart) and starts it again.</summary>
    public void Restart() => Ctl("restart", "-m fast");

    void Ctl(string verb, string extra = "") =>
        Pg("pg_ctl", $"-D {_data} -l {_data}/log -w {extra} {verb} -o \"-c listen_addresses=127.0.0.1 -p {_port} -k {_data} -c fsync=off -c max_connections=200\"");

    void Pg(string tool, string args)
    {
        var exe = Path.Combine(_bin, tool);
        if (IsRoot) Run("runuser", $"-u postgres -- {exe} {args}");
        else Run(exe, args);
    }

    static bool IsRoot => Environment.UserName == "root";

    static void Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} {args}: exit {p.ExitCode}: {err.Result}");
    }

    public void Dispose()
    {
        try { Ctl("stop", "-m immediate"); } catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
