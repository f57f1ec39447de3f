using ChiBo.Features.Accounts;
using ChiBo.Features.Audit;
using ChiBo.Features.Import;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options, AuditRecorder? audit = null)
    : IdentityDbContext<AppUser>(options)
{
    public DbSet<UnitType> UnitTypes => Set<UnitType>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitName> UnitNames => Set<UnitName>();
    public DbSet<UnitClosure> UnitClosures => Set<UnitClosure>();
    public DbSet<UnitEvent> UnitEvents => Set<UnitEvent>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<MemberPosition> MemberPositions => Set<MemberPosition>();
    public DbSet<Exemption> Exemptions => Set<Exemption>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        BumpVersions();
        if (audit is null) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        var pending = audit.Capture(ChangeTracker);
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        // Added rows only know their keys after the insert, so the audit rows go in a second save.
        if (pending.Count > 0)
        {
            AuditEntries.AddRange(pending.Select(p => p.ToEntry()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        return result;
    }

    // A plain integer concurrency token behaves the same on both providers (PostgreSQL's xmin does not exist in SQLite).
    void BumpVersions()
    {
        foreach (var e in ChangeTracker.Entries())
        {
            if (e.State != EntityState.Modified) continue;
            var version = e.Metadata.FindProperty("Version");
            if (version is null || !version.IsConcurrencyToken) continue;
            var prop = e.Property("Version");
            prop.CurrentValue = (int)prop.OriginalValue! + 1;
        }
    }
}
