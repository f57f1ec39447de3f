using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChiBo.Data;

/// <summary>
/// Command-line verbs of the app. `schema-script sqlite|postgres` prints the DDL the model implies,
/// which is how a developer drafts and reviews a migration script for each provider.
/// </summary>
public static class Cli
{
    public static Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length < 2 || args[0] != "schema-script") return Task.FromResult(false);
        var options = new DbContextOptionsBuilder<AppDbContext>();
        if (args[1] == "postgres") options.UseNpgsql("Host=localhost");
        else options.UseSqlite("Data Source=:memory:");
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        using var db = new AppDbContext(options.Options);
        Console.WriteLine(db.Database.GenerateCreateScript());
        return Task.FromResult(true);
    }
}
