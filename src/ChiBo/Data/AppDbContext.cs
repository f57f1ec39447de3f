using ChiBo.Features.Accounts;
using ChiBo.Features.Audit;
using ChiBo.Features.Campaigns;
using ChiBo.Features.Import;
using ChiBo.Features.Meetings;
using ChiBo.Features.Monitoring;
using ChiBo.Features.Plans;
using ChiBo.Features.Notifications;
using ChiBo.Features.Rules;
using ChiBo.Features.Topics;
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
    public DbSet<RuleSet> RuleSets => Set<RuleSet>();
    public DbSet<RubricCriterion> RubricCriteria => Set<RubricCriterion>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Remark> Remarks => Set<Remark>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<MeetingDocument> MeetingDocuments => Set<MeetingDocument>();
    public DbSet<MinutesAddendum> MinutesAddenda => Set<MinutesAddendum>();
    public DbSet<MeetingRating> MeetingRatings => Set<MeetingRating>();
    public DbSet<RatingScore> RatingScores => Set<RatingScore>();
    public DbSet<MinutesSealKey> MinutesSealKeys => Set<MinutesSealKey>();
    public DbSet<MinutesBookHead> MinutesBookHeads => Set<MinutesBookHead>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<ThematicPlan> ThematicPlans => Set<ThematicPlan>();
    public DbSet<ThematicPlanItem> ThematicPlanItems => Set<ThematicPlanItem>();
    public DbSet<PlanEvent> PlanEvents => Set<PlanEvent>();
    public DbSet<MonitoringGroup> MonitoringGroups => Set<MonitoringGroup>();
    public DbSet<MonitoringGroupMember> MonitoringGroupMembers => Set<MonitoringGroupMember>();
    public DbSet<MonitoringCoverage> MonitoringCoverages => Set<MonitoringCoverage>();
    public DbSet<VisitAssignment> VisitAssignments => Set<VisitAssignment>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<GroupReport> GroupReports => Set<GroupReport>();
    public DbSet<MonthlySchedule> MonthlySchedules => Set<MonthlySchedule>();
    public DbSet<ScheduleEntry> ScheduleEntries => Set<ScheduleEntry>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignLevel> CampaignLevels => Set<CampaignLevel>();
    public DbSet<ReportOutline> ReportOutlines => Set<ReportOutline>();
    public DbSet<OutlineSection> OutlineSections => Set<OutlineSection>();
    public DbSet<CampaignReport> CampaignReports => Set<CampaignReport>();
    public DbSet<ReportComment> ReportComments => Set<ReportComment>();
    public DbSet<Features.Documents.DocumentType> DocumentTypes => Set<Features.Documents.DocumentType>();
    public DbSet<Features.Documents.IssuerTerm> IssuerTerms => Set<Features.Documents.IssuerTerm>();
    public DbSet<Features.Documents.PartyDocument> PartyDocuments => Set<Features.Documents.PartyDocument>();
    public DbSet<Features.Documents.DocumentCounter> DocumentCounters => Set<Features.Documents.DocumentCounter>();
    public DbSet<Features.Documents.DocumentLink> DocumentLinks => Set<Features.Documents.DocumentLink>();
    public DbSet<Features.Documents.SigningKey> SigningKeys => Set<Features.Documents.SigningKey>();
    public DbSet<Features.Documents.DocumentSignature> DocumentSignatures => Set<Features.Documents.DocumentSignature>();
    public DbSet<Features.Statistics.CellMonthStat> CellMonthStats => Set<Features.Statistics.CellMonthStat>();
    public DbSet<Features.Statistics.NodeMonthStat> NodeMonthStats => Set<Features.Statistics.NodeMonthStat>();
    public DbSet<Features.Appraisals.AppraisalScheme> AppraisalSchemes => Set<Features.Appraisals.AppraisalScheme>();
    public DbSet<Features.Appraisals.AppraisalCriterion> AppraisalCriteria => Set<Features.Appraisals.AppraisalCriterion>();
    public DbSet<Features.Appraisals.AppraisalCondition> AppraisalConditions => Set<Features.Appraisals.AppraisalCondition>();
    public DbSet<Features.Appraisals.Appraisal> Appraisals => Set<Features.Appraisals.Appraisal>();
    public DbSet<Features.Appraisals.AppraisalScore> AppraisalScores => Set<Features.Appraisals.AppraisalScore>();
    public DbSet<Features.Appraisals.AppraisalEvent> AppraisalEvents => Set<Features.Appraisals.AppraisalEvent>();
    public DbSet<Features.Appraisals.FourGoodRecord> FourGoodRecords => Set<Features.Appraisals.FourGoodRecord>();
    public DbSet<Features.Statistics.CellTopicMonthStat> CellTopicMonthStats => Set<Features.Statistics.CellTopicMonthStat>();
    public DbSet<Features.Statistics.NodeTopicMonthStat> NodeTopicMonthStats => Set<Features.Statistics.NodeTopicMonthStat>();
    public DbSet<Features.Practices.GoodPractice> GoodPractices => Set<Features.Practices.GoodPractice>();
    public DbSet<Features.Practices.PracticeEvidence> PracticeEvidence => Set<Features.Practices.PracticeEvidence>();
    public DbSet<Features.Practices.PracticeFigure> PracticeFigures => Set<Features.Practices.PracticeFigure>();
    public DbSet<Features.Practices.PracticeAdoption> PracticeAdoptions => Set<Features.Practices.PracticeAdoption>();
    public DbSet<Features.Inspections.InspectionPlan> InspectionPlans => Set<Features.Inspections.InspectionPlan>();
    public DbSet<Features.Inspections.Inspection> Inspections => Set<Features.Inspections.Inspection>();
    public DbSet<Features.Inspections.Remedy> Remedies => Set<Features.Inspections.Remedy>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken ct = default)
    {
        GuardAdoptedMinutes();
        BumpVersions();
        var touched = Features.Statistics.Rollups.Touch.Capture(ChangeTracker);
        var pending = audit?.Capture(ChangeTracker) ?? [];
        // The change, its audit rows and the roll-ups it moves commit together or not at all: a save that
        // fails half-way (the database restarting) leaves no change without its audit row.
        // Inside a caller's transaction nothing more is needed: a failure fails that transaction as a whole.
        await using var own = (pending.Count > 0 || !touched.Empty) && Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        // Added rows only know their keys after the insert, so the audit rows go in a second save.
        if (pending.Count > 0)
        {
            AuditEntries.AddRange(pending.Select(p => p.ToEntry()));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }
        // The roll-ups follow the records they sum (raw SQL only, so no save re-enters here).
        if (!touched.Empty)
        {
            await Features.Statistics.Rollups.RefreshAsync(this, await touched.ResolveAsync(this, ct), ct);
            await Features.Statistics.Rollups.RecountCellsAsync(this, touched.Tree.Units, touched.Tree.From, ct);
        }
        if (own is not null) await own.CommitAsync(ct);
        return result;
    }

    /// <summary>
    /// Last line of defence for the sổ họp: once minutes are adopted only the signatures (and the record's seal over
    /// them) may be added; the book's seal is set once, by the sealing of minutes adopted before books were sealed.
    /// Services refuse earlier with a readable message; this stops any code path that forgets to.
    /// </summary>
    void GuardAdoptedMinutes()
    {
        string[] mayChange = [nameof(Meeting.ChairSignedAt), nameof(Meeting.ChairSignedBy), nameof(Meeting.SecretarySignedAt),
            nameof(Meeting.SecretarySignedBy), nameof(Meeting.UpdatedAt), nameof(Meeting.Version), nameof(Meeting.RecordSeal)];
        string[] sealOnce = [nameof(Meeting.BookSeq), nameof(Meeting.PrevSeal), nameof(Meeting.Seal), nameof(Meeting.SealKeyId)];
        foreach (var e in ChangeTracker.Entries<Meeting>())
        {
            if ((MeetingStatus)e.Property(nameof(Meeting.Status)).OriginalValue! != MeetingStatus.Adopted) continue;
            var unsealed = e.Property(nameof(Meeting.Seal)).OriginalValue is null;
            if (e.State == EntityState.Deleted || e.Properties.Any(p => p.IsModified && !mayChange.Contains(p.Metadata.Name)
                    && !(unsealed && sealOnce.Contains(p.Metadata.Name))))
                throw new InvalidOperationException($"Minutes of meeting {e.Entity.Id} are adopted and cannot be changed; add an addendum.");
        }
        var locked = ChangeTracker.Entries<Meeting>().Where(e => e.Entity.Status == MeetingStatus.Adopted && e.State != EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        bool Touches(int meetingId) => locked.Contains(meetingId);
        foreach (var e in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var meetingId = e.Entity switch
            {
                Attendance a => a.MeetingId, Vote v => v.MeetingId, AgendaItem a => a.MeetingId, _ => 0,
            };
            if (meetingId != 0 && Touches(meetingId))
                throw new InvalidOperationException($"Minutes of meeting {meetingId} are adopted and cannot be changed; add an addendum.");
        }
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
