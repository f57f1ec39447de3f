using ChiBo.Features.Documents;
using ChiBo.Features.Inspections;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Data;

class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.Property(x => x.Body).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.ApprovedBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.UnitId, x.Year, x.Body }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Inspections).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Subject).HasMaxLength(500);
        b.Property(x => x.StartedBy).HasMaxLength(256);
        b.Property(x => x.ConcludedBy).HasMaxLength(256);
        b.Property(x => x.Strengths).HasMaxLength(8000);
        b.Property(x => x.Shortcomings).HasMaxLength(8000);
        b.Property(x => x.Requests).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        // The inspecting committee's due list and the inspected cell's.
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasIndex(x => x.CellId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PartyDocument>().WithMany().HasForeignKey(x => x.ConclusionDocumentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Remedies).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

class RemedyConfiguration : IEntityTypeConfiguration<Remedy>
{
    public void Configure(EntityTypeBuilder<Remedy> b)
    {
        b.Property(x => x.Shortcoming).HasMaxLength(2000);
        b.Property(x => x.Action).HasMaxLength(2000);
        b.Property(x => x.OwnerName).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DoneNote).HasMaxLength(2000);
        b.Property(x => x.DoneBy).HasMaxLength(256);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        // Open remedies by deadline, for the due lists.
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.OwnerMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
