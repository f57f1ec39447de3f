using ChiBo.Features.Meetings;
using ChiBo.Features.Members;
using ChiBo.Features.Notifications;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChiBo.Data;

class RuleSetConfiguration : IEntityTypeConfiguration<RuleSet>
{
    public void Configure(EntityTypeBuilder<RuleSet> b)
    {
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.UnitId, x.EffectiveFrom });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> b)
    {
        b.Property(x => x.Part).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Measure).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Code).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300);
        b.HasIndex(x => new { x.RuleSetId, x.Code }).IsUnique();
    }
}

class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(300);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Place).HasMaxLength(300);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.NoticeSentBy).HasMaxLength(256);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.ChairSignedBy).HasMaxLength(256);
        b.Property(x => x.SecretarySignedBy).HasMaxLength(256);
        b.Property(x => x.PrevSeal).HasMaxLength(64);
        b.Property(x => x.Seal).HasMaxLength(64);
        b.Property(x => x.RecordSeal).HasMaxLength(64);
        b.Property(x => x.Version).IsConcurrencyToken();
        // A cell's meetings by date: the meeting list, the book of a year, the monthly checks.
        b.HasIndex(x => new { x.CellId, x.Date });
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        foreach (var fk in new[] { nameof(Meeting.ContentPreparerId), nameof(Meeting.ResolutionDrafterId), nameof(Meeting.PaperDrafterId), nameof(Meeting.ChairId), nameof(Meeting.MinutesSecretaryId) })
            b.HasOne<Member>().WithMany().HasForeignKey(fk).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Agenda).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Votes).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Addenda).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(x => x.Section).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Remarks).WithOne().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

class RemarkConfiguration : IEntityTypeConfiguration<Remark>
{
    public void Configure(EntityTypeBuilder<Remark> b)
    {
        b.Property(x => x.SpeakerName).HasMaxLength(300);
        b.HasIndex(x => x.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Topic>().WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
    }
}

class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        b.ToTable("Attendances");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReasonText).HasMaxLength(500);
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.MeetingId, x.MemberId }).IsUnique();
        // A member's attendance history ("absent with reason more than 3 times in a row").
        b.HasIndex(x => x.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.Property(x => x.Choice).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Opinion).HasMaxLength(1000);
        b.HasIndex(x => new { x.MeetingId, x.MemberId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

class MeetingDocumentConfiguration : IEntityTypeConfiguration<MeetingDocument>
{
    public void Configure(EntityTypeBuilder<MeetingDocument> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.ContentType).HasMaxLength(200);
        b.Property(x => x.UploadedBy).HasMaxLength(256);
    }
}

class MinutesAddendumConfiguration : IEntityTypeConfiguration<MinutesAddendum>
{
    public void Configure(EntityTypeBuilder<MinutesAddendum> b)
    {
        b.ToTable("MinutesAddenda");
        b.Property(x => x.CreatedBy).HasMaxLength(256);
        b.Property(x => x.SignedBy).HasMaxLength(256);
        b.Property(x => x.ContentHash).HasMaxLength(64);
        b.Property(x => x.Seal).HasMaxLength(64);
    }
}

class MinutesSealKeyConfiguration : IEntityTypeConfiguration<MinutesSealKey>
{
    public void Configure(EntityTypeBuilder<MinutesSealKey> b) => b.ToTable("MinutesSealKeys");
}

class MinutesBookHeadConfiguration : IEntityTypeConfiguration<MinutesBookHead>
{
    public void Configure(EntityTypeBuilder<MinutesBookHead> b)
    {
        b.ToTable("MinutesBookHeads");
        b.HasKey(x => new { x.CellId, x.Book });
        b.Property(x => x.Book).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastSeal).HasMaxLength(64);
        b.Property(x => x.Seal).HasMaxLength(64);
        // Two adoptions in one book at once: the second finds the head moved and is told, instead of forking the chain.
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Unit>().WithMany().HasForeignKey(x => x.CellId).OnDelete(DeleteBehavior.Restrict);
    }
}

class MeetingRatingConfiguration : IEntityTypeConfiguration<MeetingRating>
{
    public void Configure(EntityTypeBuilder<MeetingRating> b)
    {
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Total).HasPrecision(6, 2);
        b.Property(x => x.ProposedBy).HasMaxLength(256);
        b.Property(x => x.ConfirmedBy).HasMaxLength(256);
        b.Property(x => x.VotesRecordedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.MeetingId).IsUnique();
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<RuleSet>().WithMany().HasForeignKey(x => x.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.MeetingRatingId).OnDelete(DeleteBehavior.Cascade);
    }
}

class RatingScoreConfiguration : IEntityTypeConfiguration<RatingScore>
{
    public void Configure(EntityTypeBuilder<RatingScore> b)
    {
        b.Property(x => x.Points).HasPrecision(6, 2);
        b.Property(x => x.Basis).HasMaxLength(500);
        b.HasOne<RubricCriterion>().WithMany().HasForeignKey(x => x.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Link).HasMaxLength(500);
        b.Property(x => x.Key).HasMaxLength(200);
        b.HasIndex(x => new { x.UserId, x.Id });
        b.HasIndex(x => new { x.UserId, x.Key });
    }
}
