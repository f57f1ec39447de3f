using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Members;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Organization;
using ChiBo.Features.Plans;
using ChiBo.Features.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Data;

class ThematicPlanConfiguration : IEntityTypeConfiguration<ThematicPlan>
{
    public void Configure(EntityTypeBuilder<ThematicPlan> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.ReviewComment).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CellId, x.Year }).IsUnique();
        // The reviewing committee's list of its cells' plans.
        b.HasIndex(x => new { x.ReviewerUnitId, x.Year });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.ReviewerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

class ThematicPlanItemConfiguration : IEntityTypeConfiguration<ThematicPlanItem>
{
    public void Configure(EntityTypeBuilder<ThematicPlanItem> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.PreparerId).OnDelete(DeleteBehavior.Restrict);
    }
}

class PlanEventConfiguration : IEntityTypeConfiguration<PlanEvent>
{
    public void Configure(EntityTypeBuilder<PlanEvent> b)
    {
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(2000);
    }
}

class MonitoringGroupConfiguration : IEntityTypeConfiguration<MonitoringGroup>
{
    public void Configure(EntityTypeBuilder<MonitoringGroup> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.HasIndex(x => x.OwnerUnitId);
        b.HasIndex(x => x.LeaderUserId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.LeaderUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Coverage).WithOne().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

class MonitoringGroupMemberConfiguration : IEntityTypeConfiguration<MonitoringGroupMember>
{
    public void Configure(EntityTypeBuilder<MonitoringGroupMember> b)
    {
        b.HasIndex(x => x.UserId);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

class MonitoringCoverageConfiguration : IEntityTypeConfiguration<MonitoringCoverage>
{
    public void Configure(EntityTypeBuilder<MonitoringCoverage> b)
    {
        b.ToTable("MonitoringCoverages");
        b.HasIndex(x => x.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

class VisitAssignmentConfiguration : IEntityTypeConfiguration<VisitAssignment>
{
    public void Configure(EntityTypeBuilder<VisitAssignment> b)
    {
        b.Property(x => x.AssignedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.MeetingId, x.UserId }).IsUnique();
        b.HasIndex(x => new { x.GroupId, x.UserId });
        b.HasOne<MonitoringGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Visit).WithOne().HasForeignKey<Visit>(x => x.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.Property(x => x.AbsenceReason).HasMaxLength(500);
        b.HasIndex(x => x.AssignmentId).IsUnique();
    }
}

class GroupReportConfiguration : IEntityTypeConfiguration<GroupReport>
{
    public void Configure(EntityTypeBuilder<GroupReport> b)
    {
        b.Property(x => x.Period).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.GroupId, x.Year, x.Period }).IsUnique();
        b.HasOne<MonitoringGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

class MonthlyScheduleConfiguration : IEntityTypeConfiguration<MonthlySchedule>
{
    public void Configure(EntityTypeBuilder<MonthlySchedule> b)
    {
        b.Property(x => x.SentBy).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => new { x.CommitteeId, x.Year, x.Month });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.ScheduleId).OnDelete(DeleteBehavior.Cascade);
    }
}

class ScheduleEntryConfiguration : IEntityTypeConfiguration<ScheduleEntry>
{
    public void Configure(EntityTypeBuilder<ScheduleEntry> b)
    {
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(500);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}
