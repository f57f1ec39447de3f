using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Practices;
using ChiBo.Features.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Data;

class GoodPracticeConfiguration : IEntityTypeConfiguration<GoodPractice>
{
    public void Configure(EntityTypeBuilder<GoodPractice> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.Description).HasMaxLength(20000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.PublishedBy).HasMaxLength(256);
        b.Property(x => x.WithdrawnBy).HasMaxLength(256);
        b.Property(x => x.WithdrawReason).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.CommitteeId);
        b.HasIndex(x => x.SourceCellId);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.SourceCellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Figures).WithOne().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

class PracticeEvidenceConfiguration : IEntityTypeConfiguration<PracticeEvidence>
{
    public void Configure(EntityTypeBuilder<PracticeEvidence> b)
    {
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.Excerpt).HasMaxLength(20000);
        b.Property(x => x.LinkedBy).HasMaxLength(256);
        b.HasIndex(x => x.PracticeId);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

class PracticeFigureConfiguration : IEntityTypeConfiguration<PracticeFigure>
{
    public void Configure(EntityTypeBuilder<PracticeFigure> b)
    {
        b.Property(x => x.Label).HasMaxLength(300);
        b.Property(x => x.Value).HasMaxLength(100);
        b.HasIndex(x => x.PracticeId);
    }
}

class PracticeAdoptionConfiguration : IEntityTypeConfiguration<PracticeAdoption>
{
    public void Configure(EntityTypeBuilder<PracticeAdoption> b)
    {
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.PracticeId, x.CellId }).IsUnique();
        // A cell's own list: which practices it took up.
        b.HasIndex(x => x.CellId);
        b.HasOne<GoodPractice>().WithMany().HasForeignKey(x => x.PracticeId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}
