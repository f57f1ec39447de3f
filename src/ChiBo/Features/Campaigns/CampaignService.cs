using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Campaigns;

public record LevelInput(string Name, string UnitTypeCodes, DateOnly Deadline, bool HoldsConference);
public record CampaignInput(int? OwnerUnitId, string Title, CampaignKind Kind, string? Implements, DateOnly PeriodFrom, DateOnly PeriodTo,
    DateOnly? PivotDate, int? OutlineId, List<LevelInput> Levels);
public record SectionText(int SectionId, string? Text);

public record LevelCompleteness(int LevelId, string Level, DateOnly Deadline, int Expected, int Submitted, int OnTime, int Late, int Returned, int Accepted, int Missing)
{
    public decimal SubmittedRate => Expected == 0 ? 0 : Math.Round(100m * Submitted / Expected, 1);
    public decimal OnTimeRate => Expected == 0 ? 0 : Math.Round(100m * OnTime / Expected, 1);
}
public record UnitStanding(int UnitId, string UnitName, int LevelId, int? ReportId, ReportStatus? Status, bool Submitted, bool? OnTime, DateTime? FirstSubmittedAt);
public record ChildCompleteness(int UnitId, string UnitName, int Expected, int Submitted, int OnTime, int Missing);
public record Completeness(int CampaignId, int NodeId, DateOnly AsOf, List<LevelCompleteness> Levels, List<ChildCompleteness> Children, List<UnitStanding> Units);

/// <summary>Review campaigns: definition, each unit's report along the outline, review up the chain, completeness and timeliness.</summary>
public class CampaignService(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    static Outcome<T> Conflict<T>() => Outcome<T>.Fail("version", "Báo cáo đã được người khác cập nhật. Hãy tải lại trang để xem bản mới rồi sửa lại.");

    public async Task<Outcome<Campaign>> CreateAsync(CampaignInput input, CancellationToken ct = default)
    {
        if (input.OwnerUnitId is not { } ownerId) return Outcome<Campaign>.Fail("ownerUnitId", "Chọn cấp ủy tổ chức đợt (ownerUnitId).");
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 500) return Outcome<Campaign>.Fail("title", "Nhập tên đợt tổng kết, sơ kết (tối đa 500 ký tự).");
        if (input.Implements?.Trim().Length > 2000) return Outcome<Campaign>.Fail("implements", "Văn bản thực hiện ghi tối đa 2000 ký tự.");
        if (input.PeriodFrom < InputChecks.MinDate) return Outcome<Campaign>.Fail("periodFrom", "Nhập ngày bắt đầu kỳ tổng kết.");
        if (input.PeriodTo <= input.PeriodFrom) return Outcome<Campaign>.Fail("periodTo", "Kỳ tổng kết phải kết thúc sau ngày bắt đầu.");
        if (input.Levels is not { Count: > 0 } levels) return Outcome<Campaign>.Fail("levels", "Cần ít nhất một cấp báo cáo với thời hạn.");
        if (levels.Any(l => l is null || string.IsNullOrWhiteSpace(l.Name) || l.Name.Trim().Length > 200 || string.IsNullOrWhiteSpace(l.UnitTypeCodes)))
            return Outcome<Campaign>.Fail("levels", "Mỗi cấp cần tên (tối đa 200 ký tự) và loại tổ chức báo cáo ở cấp đó.");
        if (input.OutlineId is { } o && !await db.ReportOutlines.AnyAsync(x => x.Id == o, ct)) return Outcome<Campaign>.Fail("outlineId", "Không có đề cương này.");
        var codes = await db.UnitTypes.Select(t => t.Code).ToListAsync(ct);
        foreach (var l in levels)
        {
            var unknown = l.UnitTypeCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Except(codes).ToList();
            if (unknown.Count > 0) return Outcome<Campaign>.Fail("levels", $"Cấp “{l.Name}”: không có loại tổ chức {string.Join(", ", unknown)}.");
            if (l.Deadline < input.PeriodFrom) return Outcome<Campaign>.Fail("levels", $"Cấp “{l.Name}”: thời hạn trước kỳ tổng kết.");
        }
        var outline = input.OutlineId ?? await db.ReportOutlines.Where(o => o.BuiltIn).Select(o => o.Id).FirstAsync(ct);
        var c = new Campaign
        {
            OwnerUnitId = ownerId, Title = input.Title.Trim(), Kind = input.Kind, Implements = input.Implements?.Trim(), PeriodFrom = input.PeriodFrom,
            PeriodTo = input.PeriodTo, PivotDate = input.PivotDate, OutlineId = outline, CreatedAt = Now, CreatedBy = Actor,
        };
        var order = 0;
        foreach (var l in levels.OrderBy(l => l.Deadline))
            c.Levels.Add(new CampaignLevel { Name = l.Name.Trim(), UnitTypeCodes = l.UnitTypeCodes.Replace(" ", ""), Deadline = l.Deadline, HoldsConference = l.HoldsConference, Order = ++order });
        db.Campaigns.Add(c);
        await db.SaveChangesAsync(ct);
        return Outcome<Campaign>.Success(c);
    }

    /// <summary>The units that must report at a level: of the level's types, in the owner's subtree on the level's deadline.</summary>
    public async Task<List<UnitDto>> ExpectedAsync(Campaign c, CampaignLevel level, int nodeId, CancellationToken ct = default)
    {
        var codes = level.Codes;
        var owner = db.SubtreeIds(c.OwnerUnitId, level.Deadline);
        var node = db.SubtreeIds(nodeId, level.Deadline);
        return await db.AsDtos(db.Units.Where(u => u.Id != c.OwnerUnitId && owner.Contains(u.Id) && node.Contains(u.Id) && codes.Contains(u.UnitType!.Code)), level.Deadline)
            .ToListAsync(ct);
    }

    public Task<Campaign?> FindAsync(int id, CancellationToken ct = default) =>
        db.Campaigns.Include(c => c.Levels.OrderBy(l => l.Order)).FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>Starts a unit's report: one section per outline section, the figures computed from its records.</summary>
    public async Task<Outcome<CampaignReport>> StartReportAsync(int campaignId, int unitId, CancellationToken ct = default)
    {
        var c = await FindAsync(campaignId, ct);
        if (c is null) return Outcome<CampaignReport>.Fail("campaignId", "Không có đợt tổng kết này.");
        var existing = await db.CampaignReports.FirstOrDefaultAsync(r => r.CampaignId == campaignId && r.UnitId == unitId, ct);
        if (existing is not null) return Outcome<CampaignReport>.Success(existing);
        CampaignLevel? level = null;
        foreach (var l in c.Levels)
            if ((await ExpectedAsync(c, l, c.OwnerUnitId, ct)).Any(u => u.Id == unitId)) { level = l; break; }
        // The owner compiles the top level into its own report (no deadline of its own: it holds the final conference).
        if (level is null && unitId != c.OwnerUnitId) return Outcome<CampaignReport>.Fail("unitId", "Đơn vị không thuộc diện báo cáo trong đợt này.");
        var sections = await db.OutlineSections.Where(s => s.OutlineId == c.OutlineId).OrderBy(s => s.Order).ToListAsync(ct);
        var r = new CampaignReport { CampaignId = campaignId, UnitId = unitId, LevelId = level?.Id, Status = ReportStatus.Draft, CreatedAt = Now };
        foreach (var s in sections)
            r.Sections.Add(new ReportSection { SectionId = s.Id, Figures = await CampaignStats.ComputeAsync(db, s.Statistic, unitId, c.PeriodFrom, c.PeriodTo, c.PivotDate, ct) });
        db.CampaignReports.Add(r);
        await db.SaveChangesAsync(ct);
        return Outcome<CampaignReport>.Success(r);
    }

    async Task<CampaignReport> LoadAsync(int reportId, CancellationToken ct) =>
        await db.CampaignReports.Include(r => r.Sections).Include(r => r.Comments).AsSplitQuery().FirstAsync(r => r.Id == reportId, ct);

    public async Task<Outcome<CampaignReport>> SaveAsync(int reportId, int version, List<SectionText> sections, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != version) return Conflict<CampaignReport>();
        if (r.Status is ReportStatus.Submitted or ReportStatus.Accepted) return Outcome<CampaignReport>.Fail("status", "Báo cáo đã gửi: chỉ sửa khi bị trả lại.");
        foreach (var s in sections)
        {
            var row = s is null ? null : r.Sections.FirstOrDefault(x => x.SectionId == s.SectionId);
            if (row is null) return Outcome<CampaignReport>.Fail("sections", "Mục không thuộc đề cương của báo cáo.");
            row.Text = string.IsNullOrWhiteSpace(s!.Text) ? null : s.Text.Trim();
        }
        db.Entry(r).Property(x => x.CreatedAt).IsModified = true;   // children changed: move the version
        return await SaveChangesAsync(r, ct);
    }

    /// <summary>Recomputes the figures from the records (new meetings entered, corrections made); the drafter's text stays.</summary>
    public async Task<Outcome<CampaignReport>> RefreshFiguresAsync(int reportId, int version, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != version) return Conflict<CampaignReport>();
        if (r.Status is ReportStatus.Submitted or ReportStatus.Accepted) return Outcome<CampaignReport>.Fail("status", "Báo cáo đã gửi: số liệu giữ như lúc gửi.");
        var c = (await FindAsync(r.CampaignId, ct))!;
        var sections = await db.OutlineSections.Where(s => s.OutlineId == c.OutlineId).ToDictionaryAsync(s => s.Id, ct);
        foreach (var row in r.Sections)
            row.Figures = await CampaignStats.ComputeAsync(db, sections[row.SectionId].Statistic, r.UnitId, c.PeriodFrom, c.PeriodTo, c.PivotDate, ct);
        db.Entry(r).Property(x => x.CreatedAt).IsModified = true;
        return await SaveChangesAsync(r, ct);
    }

    public async Task<Outcome<ReportComment>> CommentAsync(int reportId, string userId, string userName, int? sectionId, string text, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Status is ReportStatus.Submitted or ReportStatus.Accepted) return Outcome<ReportComment>.Fail("status", "Báo cáo đã gửi, không nhận thêm ý kiến.");
        if (string.IsNullOrWhiteSpace(text)) return Outcome<ReportComment>.Fail("text", "Nhập nội dung góp ý.");
        if (sectionId is { } s && r.Sections.All(x => x.SectionId != s)) return Outcome<ReportComment>.Fail("sectionId", "Mục không thuộc báo cáo.");
        var comment = new ReportComment { ReportId = reportId, SectionId = sectionId, AuthorUserId = userId, AuthorName = userName, Text = text.Trim(), At = Now };
        db.ReportComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return Outcome<ReportComment>.Success(comment);
    }

    public async Task<Outcome<ReportComment>> AnswerAsync(int reportId, int commentId, string answer, CancellationToken ct = default)
    {
        var comment = await db.ReportComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ReportId == reportId, ct);
        if (comment is null) return Outcome<ReportComment>.Fail("commentId", "Không có ý kiến này.");
        if (string.IsNullOrWhiteSpace(answer)) return Outcome<ReportComment>.Fail("answer", "Nhập nội dung tiếp thu, giải trình.");
        comment.Answer = answer.Trim(); comment.AnsweredAt = Now; comment.AnsweredBy = Actor;
        await db.SaveChangesAsync(ct);
        return Outcome<ReportComment>.Success(comment);
    }

    public async Task<Outcome<CampaignReport>> SubmitAsync(int reportId, int version, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != version) return Conflict<CampaignReport>();
        if (r.Status is ReportStatus.Submitted or ReportStatus.Accepted) return Outcome<CampaignReport>.Fail("status", "Báo cáo đã được gửi.");
        if (r.Sections.All(s => s.Text is null)) return Outcome<CampaignReport>.Fail("sections", "Báo cáo chưa có nội dung.");
        var unanswered = r.Comments.Count(c => c.Answer is null);
        if (unanswered > 0) return Outcome<CampaignReport>.Fail("comments", $"Còn {unanswered} ý kiến góp ý của đảng viên chưa được tiếp thu, giải trình.");
        r.Status = ReportStatus.Submitted; r.SubmittedAt = Now; r.FirstSubmittedAt ??= Now; r.SubmittedBy = Actor;
        return await SaveChangesAsync(r, ct);
    }

    /// <summary>The level above accepts (the report is then locked) or returns it with comments.</summary>
    public async Task<Outcome<CampaignReport>> ReviewAsync(int reportId, bool accept, string? comment, int version, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != version) return Conflict<CampaignReport>();
        if (r.Status != ReportStatus.Submitted) return Outcome<CampaignReport>.Fail("status", "Chỉ tiếp nhận hoặc trả lại báo cáo đã gửi.");
        if (!accept && string.IsNullOrWhiteSpace(comment)) return Outcome<CampaignReport>.Fail("comment", "Ghi ý kiến khi trả lại báo cáo.");
        if (comment?.Trim().Length > 2000) return Outcome<CampaignReport>.Fail("comment", "Ý kiến ghi tối đa 2000 ký tự.");
        r.Status = accept ? ReportStatus.Accepted : ReportStatus.Returned;
        r.ReviewedAt = Now; r.ReviewedBy = Actor; r.ReviewComment = comment?.Trim();
        return await SaveChangesAsync(r, ct);
    }

    public record ConferenceInput(int Version, DateOnly Date, string? Attendees, string? Discussion, string? Conclusion);

    /// <summary>Records the level's conference (only where the campaign says this level holds one).</summary>
    public async Task<Outcome<CampaignReport>> ConferenceAsync(int reportId, ConferenceInput input, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != input.Version) return Conflict<CampaignReport>();
        if (input.Date < InputChecks.MinDate || input.Date > InputChecks.MaxDate) return Outcome<CampaignReport>.Fail("date", "Nhập ngày hội nghị.");
        var level = r.LevelId is null ? null : await db.CampaignLevels.FirstAsync(l => l.Id == r.LevelId, ct);
        if (level is { HoldsConference: false }) return Outcome<CampaignReport>.Fail("conference", $"Cấp “{level.Name}” không tổ chức hội nghị trong đợt này.");
        if (r.Status == ReportStatus.Accepted) return Outcome<CampaignReport>.Fail("status", "Báo cáo đã được tiếp nhận.");
        if (string.IsNullOrWhiteSpace(input.Conclusion)) return Outcome<CampaignReport>.Fail("conclusion", "Ghi kết luận của hội nghị.");
        r.ConferenceDate = input.Date; r.ConferenceAttendees = input.Attendees?.Trim(); r.ConferenceDiscussion = input.Discussion?.Trim(); r.ConferenceConclusion = input.Conclusion.Trim();
        return await SaveChangesAsync(r, ct);
    }

    /// <summary>The accepted reports of the level below inside this unit's subtree: what a compiler reads side by side.</summary>
    public async Task<List<CampaignReport>> ChildReportsAsync(CampaignReport r, CancellationToken ct = default)
    {
        var c = (await FindAsync(r.CampaignId, ct))!;
        var order = c.Levels.FirstOrDefault(l => l.Id == r.LevelId)?.Order ?? int.MaxValue;   // the owner's report sits above every level
        var below = c.Levels.Where(l => l.Order < order).OrderByDescending(l => l.Order).FirstOrDefault();
        if (below is null) return [];
        var ids = (await ExpectedAsync(c, below, r.UnitId, ct)).Select(u => u.Id).ToList();
        return await db.CampaignReports.Include(x => x.Sections).Where(x => x.CampaignId == r.CampaignId && ids.Contains(x.UnitId) && x.Status == ReportStatus.Accepted)
            .OrderBy(x => x.UnitId).ToListAsync(ct);
    }

    /// <summary>
    /// Drafts a compiled report: each empty section gets the children's accepted texts, one paragraph per unit, for the
    /// compiler to rewrite; the figures are recomputed for the whole subtree. Sections already written are left alone.
    /// </summary>
    public async Task<Outcome<CampaignReport>> CompileAsync(int reportId, int version, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != version) return Conflict<CampaignReport>();
        if (r.Status is ReportStatus.Submitted or ReportStatus.Accepted) return Outcome<CampaignReport>.Fail("status", "Báo cáo đã gửi.");
        var children = await ChildReportsAsync(r, ct);
        if (children.Count == 0) return Outcome<CampaignReport>.Fail("children", "Chưa có báo cáo nào của cấp dưới được tiếp nhận để tổng hợp.");
        var names = await db.Units.Where(u => children.Select(x => x.UnitId).Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        foreach (var row in r.Sections.Where(s => s.Text is null))
        {
            var parts = children.Select(x => (x.UnitId, Text: x.Sections.FirstOrDefault(s => s.SectionId == row.SectionId)?.Text)).Where(p => p.Text is not null).ToList();
            if (parts.Count > 0) row.Text = string.Join("\n", parts.Select(p => $"- {names[p.UnitId]}: {p.Text}"));
        }
        db.Entry(r).Property(x => x.CreatedAt).IsModified = true;
        var refreshed = await SaveChangesAsync(r, ct);
        return refreshed.Ok ? await RefreshFiguresAsync(reportId, r.Version, ct) : refreshed;
    }

    /// <summary>
    /// Drafts the concluding document (Kết luận) from the conference and the figures: what was reviewed, how many
    /// units reported and how, what the conference concluded. The drafter edits it before it is issued.
    /// </summary>
    public async Task<Outcome<CampaignReport>> DraftConclusionAsync(int reportId, int version, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != version) return Conflict<CampaignReport>();
        if (r.ConferenceConclusion is null) return Outcome<CampaignReport>.Fail("conference", "Ghi hội nghị tổng kết trước khi dự thảo kết luận.");
        var c = (await FindAsync(r.CampaignId, ct))!;
        var k = await CompletenessAsync(c.Id, r.UnitId, VnTime.Day(Now), ct);
        var sections = await db.OutlineSections.Where(s => s.OutlineId == c.OutlineId).ToDictionaryAsync(s => s.Id, ct);
        var unit = await db.AsDtos(db.Units.Where(u => u.Id == r.UnitId), r.ConferenceDate ?? VnTime.Day(Now)).Select(u => u.Name).FirstAsync(ct);
        var lines = new List<string>
        {
            $"Ngày {r.ConferenceDate.Vn()}, {unit} tổ chức hội nghị {c.Kind.Vietnamese().ToLowerInvariant()} {c.Title.Replace("Tổng kết ", "").Replace("Sơ kết ", "")}" +
                (r.ConferenceAttendees is null ? "." : $", với thành phần: {r.ConferenceAttendees}."),
            "1. Kết quả: " + string.Join("; ", k.Levels.Select(l => $"cấp {l.Level.ToLowerInvariant()} có {l.Submitted}/{l.Expected} đơn vị gửi báo cáo ({l.OnTime} đúng hạn, {l.Late} muộn, {l.Missing} chưa gửi)")) + ".",
        };
        foreach (var row in r.Sections.Where(s => !string.IsNullOrWhiteSpace(s.Figures)))
            lines.Add($"- {sections[row.SectionId].Title}: {row.Figures!.Split('\n')[0]}");
        if (r.ConferenceDiscussion is not null) lines.Add("2. Ý kiến thảo luận tại hội nghị: " + r.ConferenceDiscussion);
        lines.Add((r.ConferenceDiscussion is null ? "2. " : "3. ") + "Kết luận: " + r.ConferenceConclusion);
        r.ConclusionText = string.Join("\n", lines);
        return await SaveChangesAsync(r, ct);
    }

    public async Task<Outcome<CampaignReport>> EditConclusionAsync(int reportId, int version, string text, CancellationToken ct = default)
    {
        var r = await LoadAsync(reportId, ct);
        if (r.Version != version) return Conflict<CampaignReport>();
        if (string.IsNullOrWhiteSpace(text)) return Outcome<CampaignReport>.Fail("conclusion", "Nội dung kết luận không được để trống.");
        r.ConclusionText = text.Replace("\r\n", "\n").Trim();
        return await SaveChangesAsync(r, ct);
    }

    async Task<Outcome<CampaignReport>> SaveChangesAsync(CampaignReport r, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Conflict<CampaignReport>(); }
        return Outcome<CampaignReport>.Success(r);
    }

    /// <summary>
    /// Completeness and timeliness for a node on a date: per level, the expected units of the node's subtree (on the
    /// level's deadline) and what their reports had become by then; per child of the node, the same counts. Only
    /// expected units are counted, so a rate never passes 100% when units open, close or merge during the campaign.
    /// </summary>
    public async Task<Completeness> CompletenessAsync(int campaignId, int nodeId, DateOnly asOf, CancellationToken ct = default)
    {
        var c = (await FindAsync(campaignId, ct))!;
        var reports = await db.CampaignReports.Where(r => r.CampaignId == campaignId).ToListAsync(ct);
        var units = new List<UnitStanding>();
        var levels = new List<LevelCompleteness>();
        foreach (var l in c.Levels)
        {
            var expected = await ExpectedAsync(c, l, nodeId, ct);
            var rows = expected.Select(u =>
            {
                var r = reports.FirstOrDefault(x => x.UnitId == u.Id);
                var submitted = r?.FirstSubmittedAt is { } f && VnTime.Day(f) <= asOf;
                // A review made after the date asked about had not happened yet.
                var status = !submitted ? (r is null ? (ReportStatus?)null : ReportStatus.Draft)
                    : r!.ReviewedAt is { } rv && VnTime.Day(rv) > asOf ? ReportStatus.Submitted : r.Status;
                return new UnitStanding(u.Id, u.Name, l.Id, r?.Id, status, submitted,
                    submitted ? VnTime.Day(r!.FirstSubmittedAt!.Value) < l.Deadline : null, submitted ? r!.FirstSubmittedAt : null);
            }).ToList();
            units.AddRange(rows);
            levels.Add(new LevelCompleteness(l.Id, l.Name, l.Deadline, rows.Count, rows.Count(x => x.Submitted), rows.Count(x => x.OnTime == true),
                rows.Count(x => x.OnTime == false), rows.Count(x => x.Status == ReportStatus.Returned), rows.Count(x => x.Status == ReportStatus.Accepted),
                rows.Count(x => !x.Submitted)));
        }
        // Per child of the node (on the last deadline): its subtree's share of the expected reports.
        var last = c.Levels.Max(l => l.Deadline);
        var children = await db.ChildrenAsync(nodeId, last, ct);
        // Each level's expected units already come from the node's subtree: one closure lookup per level says which child holds which.
        var childIds = children.Select(ch => ch.Id).ToList();
        var holder = new Dictionary<(int Level, int Unit), int>();
        foreach (var l in c.Levels)
        {
            var expectedIds = units.Where(u => u.LevelId == l.Id).Select(u => u.UnitId).ToList();
            var pairs = await db.UnitClosures.ValidOn(l.Deadline).Where(x => childIds.Contains(x.AncestorId) && expectedIds.Contains(x.DescendantId))
                .Select(x => new { x.AncestorId, x.DescendantId }).ToListAsync(ct);
            foreach (var pair in pairs) holder[(l.Id, pair.DescendantId)] = pair.AncestorId;
        }
        var perChild = new List<ChildCompleteness>();
        foreach (var child in children)
        {
            var mine = units.Where(u => holder.GetValueOrDefault((u.LevelId, u.UnitId)) == child.Id).ToList();
            if (mine.Count > 0)
                perChild.Add(new ChildCompleteness(child.Id, child.Name, mine.Count, mine.Count(x => x.Submitted), mine.Count(x => x.OnTime == true), mine.Count(x => !x.Submitted)));
        }
        return new Completeness(campaignId, nodeId, asOf, levels, perChild.OrderByDescending(x => x.Missing).ThenBy(x => x.UnitName).ToList(), units);
    }
}
