using ChiBo.Features.Appraisals;
using ChiBo.Features.Members;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Data;

class AppraisalSchemeConfiguration : IEntityTypeConfiguration<AppraisalScheme>
{
    public void Configure(EntityTypeBuilder<AppraisalScheme> b)
    {
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Subject).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.MeetingYearPercents).HasMaxLength(30);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.Subject, x.UnitId, x.EffectiveFrom });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Conditions).WithOne().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

class AppraisalCriterionConfiguration : IEntityTypeConfiguration<AppraisalCriterion>
{
    public void Configure(EntityTypeBuilder<AppraisalCriterion> b)
    {
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
    }
}

class AppraisalConditionConfiguration : IEntityTypeConfiguration<AppraisalCondition>
{
    public void Configure(EntityTypeBuilder<AppraisalCondition> b)
    {
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Text).HasMaxLength(500);
    }
}

class AppraisalConfiguration : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> b)
    {
        b.Property(x => x.SubjectKey).HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SelfLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ProposedLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DecidedLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SelfTotal).HasPrecision(6, 2);
        b.Property(x => x.ProposedTotal).HasPrecision(6, 2);
        b.Property(x => x.SelfNote).HasMaxLength(4000);
        b.Property(x => x.ProposalNote).HasMaxLength(4000);
        b.Property(x => x.DecisionNote).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Year, x.SubjectKey }).IsUnique();
        // The deciding level's list and its quota.
        b.HasIndex(x => new { x.DeciderUnitId, x.Year });
        b.HasIndex(x => new { x.UnitId, x.Year });
        b.HasOne<AppraisalScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.DeciderUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.AppraisalId).OnDelete(DeleteBehavior.Cascade);
    }
}

class AppraisalScoreConfiguration : IEntityTypeConfiguration<AppraisalScore>
{
    public void Configure(EntityTypeBuilder<AppraisalScore> b)
    {
        b.Property(x => x.ComputedPoints).HasPrecision(6, 2);
        b.Property(x => x.SelfPoints).HasPrecision(6, 2);
        b.Property(x => x.ProposedPoints).HasPrecision(6, 2);
        b.Property(x => x.Evidence).HasMaxLength(2000);
        b.HasOne<AppraisalCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

class AppraisalEventConfiguration : IEntityTypeConfiguration<AppraisalEvent>
{
    public void Configure(EntityTypeBuilder<AppraisalEvent> b)
    {
        b.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Total).HasPrecision(6, 2);
        b.Property(x => x.Actor).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(4000);
    }
}

class FourGoodRecordConfiguration : IEntityTypeConfiguration<FourGoodRecord>
{
    public void Configure(EntityTypeBuilder<FourGoodRecord> b)
    {
        foreach (var p in new[] { nameof(FourGoodRecord.PoliticalTaskEvidence), nameof(FourGoodRecord.UnityEvidence), nameof(FourGoodRecord.MeetingQualityEvidence), nameof(FourGoodRecord.MembersEvidence) })
            b.Property(p).HasMaxLength(2000);
        b.Property(x => x.RecognizedBy).HasMaxLength(256);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.CellId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}
