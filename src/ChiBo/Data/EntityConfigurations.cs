using ChiBo.Features.Accounts;
using ChiBo.Features.Audit;
using ChiBo.Features.Import;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Data;

class UnitTypeConfiguration : IEntityTypeConfiguration<UnitType>
{
    public void Configure(EntityTypeBuilder<UnitType> b)
    {
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.LevelName).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.NameKey).HasMaxLength(300);
        b.Property(x => x.IssuerCode).HasMaxLength(20);
        b.Property(x => x.Place).HasMaxLength(100);
        b.Property(x => x.CellKind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.NameKey);
        b.HasOne(x => x.UnitType).WithMany().HasForeignKey(x => x.UnitTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

class UnitNameConfiguration : IEntityTypeConfiguration<UnitName>
{
    public void Configure(EntityTypeBuilder<UnitName> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.IssuerCode).HasMaxLength(20);
        b.HasIndex(x => new { x.UnitId, x.ValidFrom });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

class UnitClosureConfiguration : IEntityTypeConfiguration<UnitClosure>
{
    public void Configure(EntityTypeBuilder<UnitClosure> b)
    {
        // Subtree of X on D: (AncestorId, ValidFrom) range; ancestors of Y: (DescendantId, ...).
        b.HasIndex(x => new { x.AncestorId, x.Depth, x.ValidFrom });
        b.HasIndex(x => new { x.DescendantId, x.AncestorId });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.AncestorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.DescendantId).OnDelete(DeleteBehavior.Restrict);
    }
}

class UnitEventConfiguration : IEntityTypeConfiguration<UnitEvent>
{
    public void Configure(EntityTypeBuilder<UnitEvent> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OldValue).HasMaxLength(300);
        b.Property(x => x.NewValue).HasMaxLength(300);
        b.Property(x => x.Decision).HasMaxLength(200);
        b.HasIndex(x => new { x.UnitId, x.Date });
        b.HasIndex(x => x.RelatedUnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(x => x.FullName).HasMaxLength(150);
        b.Property(x => x.NameKey).HasMaxLength(150);
        b.Property(x => x.SortKey).HasMaxLength(600);
        b.Property(x => x.Sex).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Ethnicity).HasMaxLength(50);
        b.Property(x => x.PartyCardNumber).HasMaxLength(30);
        b.Property(x => x.CitizenId).HasMaxLength(20);
        b.Property(x => x.Phone).HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.NameKey);
        b.HasIndex(x => x.SortKey);
        b.HasIndex(x => x.PartyCardNumber).IsUnique();
        // Not unique: a database from before 0013 may hold the same CCCD twice (single entry did not check it); the service refuses new copies.
        b.HasIndex(x => x.CitizenId);
    }
}

class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.Property(x => x.Note).HasMaxLength(300);
        b.HasIndex(x => new { x.UnitId, x.From });
        b.HasIndex(x => new { x.MemberId, x.From });
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

class MemberPositionConfiguration : IEntityTypeConfiguration<MemberPosition>
{
    public void Configure(EntityTypeBuilder<MemberPosition> b)
    {
        b.Property(x => x.Position).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => new { x.UnitId, x.From });
        b.HasIndex(x => x.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

class ExemptionConfiguration : IEntityTypeConfiguration<Exemption>
{
    public void Configure(EntityTypeBuilder<Exemption> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.HasIndex(x => new { x.MemberId, x.From });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(150);
        b.HasIndex(x => x.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}

class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.Entity).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.Entity, x.EntityId });
    }
}

class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Actor).HasMaxLength(256);
    }
}
