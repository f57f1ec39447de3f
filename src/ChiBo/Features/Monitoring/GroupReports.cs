using System.Text;
using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Documents;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Monitoring;

/// <summary>
/// A group's six-month (before 20/6) or annual (before 10/12) report to the standing committee: drafted from the
/// records (assignments and visits, cells never visited, ratings confirmed, the shortcomings the records show and
/// what the members observed and advised), edited by the leader, submitted (then locked), exported to DOCX.
/// </summary>
public class GroupReportService(AppDbContext db, MonitoringService monitoring, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    public static (DateOnly From, DateOnly To) Period(int year, ReportPeriod p) =>
        p == ReportPeriod.HalfYear ? (new DateOnly(year, 1, 1), new DateOnly(year, 7, 1)) : (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    public static string Label(ReportPeriod p, int year) => p == ReportPeriod.HalfYear ? $"6 tháng đầu năm {year}" : $"năm {year}";

    static Outcome<GroupReport> Conflict() => Outcome<GroupReport>.Fail("version", "Báo cáo đã được người khác cập nhật. Hãy tải lại trang để xem bản mới rồi sửa lại.");

    /// <summary>Creates the draft, or rewrites a draft's text from the records (the leader's edits are replaced: asked for explicitly).</summary>
    public async Task<Outcome<GroupReport>> DraftAsync(int groupId, int year, ReportPeriod period, int? version, CancellationToken ct = default)
    {
        var report = await db.GroupReports.FirstOrDefaultAsync(r => r.GroupId == groupId && r.Year == year && r.Period == period, ct);
        if (report is not null && report.Version != version) return Conflict();
        if (report?.Status == ReportStatus.Submitted) return Outcome<GroupReport>.Fail("status", "Báo cáo đã gửi, không soạn lại.");
        var body = await ComposeAsync(groupId, year, period, ct);
        if (report is null)
        {
            report = new GroupReport { GroupId = groupId, Year = year, Period = period, Status = ReportStatus.Draft, Body = body, CreatedAt = Now };
            db.GroupReports.Add(report);
        }
        else report.Body = body;
        return await SaveAsync(report, ct);
    }

    public async Task<Outcome<GroupReport>> EditAsync(int reportId, string body, int version, CancellationToken ct = default)
    {
        var r = await db.GroupReports.FirstAsync(x => x.Id == reportId, ct);
        if (r.Version != version) return Conflict();
        if (r.Status == ReportStatus.Submitted) return Outcome<GroupReport>.Fail("status", "Báo cáo đã gửi, không sửa được.");
        if (string.IsNullOrWhiteSpace(body)) return Outcome<GroupReport>.Fail("body", "Nội dung báo cáo không được để trống.");
        r.Body = body.Replace("\r\n", "\n").Trim();
        return await SaveAsync(r, ct);
    }

    public async Task<Outcome<GroupReport>> SubmitAsync(int reportId, int version, CancellationToken ct = default)
    {
        var r = await db.GroupReports.FirstAsync(x => x.Id == reportId, ct);
        if (r.Version != version) return Conflict();
        if (r.Status == ReportStatus.Submitted) return Outcome<GroupReport>.Fail("status", "Báo cáo đã gửi.");
        r.Status = ReportStatus.Submitted; r.SubmittedAt = Now; r.SubmittedBy = Actor;
        return await SaveAsync(r, ct);
    }

    async Task<Outcome<GroupReport>> SaveAsync(GroupReport r, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Conflict(); }
        return Outcome<GroupReport>.Success(r);
    }

    /// <summary>The draft's text, section by section, from what the group and the cells recorded in the period.</summary>
    public async Task<string> ComposeAsync(int groupId, int year, ReportPeriod period, CancellationToken ct = default)
    {
        var g = await db.MonitoringGroups.FirstAsync(x => x.Id == groupId, ct);
        var (start, end) = Period(year, period);
        var today = VnTime.Day(Now);
        if (end > today.AddDays(1)) end = today.AddDays(1);
        var cov = await monitoring.CoverageAsync(groupId, start, end, ct);
        var dto = await MonitoringApi.ToDtoAsync(db, g, today);
        var rules = await RuleSets.InForceAsync(db, g.OwnerUnitId, end.AddDays(-1), ct);
        var visits = await (from a in db.VisitAssignments
                            where a.GroupId == groupId && a.Visit != null
                            join m in db.Meetings on a.MeetingId equals m.Id
                            where m.Date >= start && m.Date < end
                            join u in db.Users on a.UserId equals u.Id
                            orderby m.Date
                            select new { m.CellId, m.Date, u.FullName, a.Visit!.Attended, a.Visit.AbsenceReason, a.Visit.ObservationPreparation, a.Visit.ObservationAttendance,
                                a.Visit.ObservationConduct, a.Visit.ObservationClosing, a.Visit.Guidance, MeetingId = m.Id }).ToListAsync(ct);
        var cellNames = cov.PerCell.ToDictionary(c => c.CellId, c => c.CellName);
        var cellIds = cov.PerCell.Select(c => c.CellId).ToList();
        var meetings = await db.Meetings.Where(m => cellIds.Contains(m.CellId) && m.Date >= start && m.Date < end && m.Kind != MeetingKind.Committee
                && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Adopted))
            .Select(m => new
            {
                m.Id, m.Date, m.Kind, m.NoticeSentAt, m.StartedAt, m.EndedAt,
                Present = m.Attendance.Count(a => a.Status == AttendanceStatus.Present),
                Expected = m.Attendance.Count(a => a.Status != AttendanceStatus.Exempt && a.Status != AttendanceStatus.SpecialDuty),
                Unexcused = m.Attendance.Count(a => a.Status == AttendanceStatus.AbsentUnexcused),
            }).ToListAsync(ct);
        var ratings = await db.MeetingRatings.Where(r => meetings.Select(m => m.Id).Contains(r.MeetingId) && r.Status == RatingStatus.Confirmed)
            .GroupBy(r => r.Level).Select(x => new { x.Key, Count = x.Count() }).ToListAsync(ct);
        int Late() => meetings.Count(m => m.NoticeSentAt is null || VnTime.Day(m.NoticeSentAt.Value) > m.Date.AddDays(-rules.NoticeDays));
        int Short() => meetings.Count(m => m.StartedAt is { } s && m.EndedAt is { } e && (e - s).TotalMinutes < (m.Kind == MeetingKind.Combined ? rules.MinMinutesCombined : rules.MinMinutes));

        var sb = new StringBuilder();
        sb.AppendLine("I. TÌNH HÌNH CHUNG");
        sb.AppendLine($"Tổ gồm {dto.Members.Count} đồng chí: " + string.Join(", ", dto.Members.Select(m => m.FullName + (m.Leader ? " (tổ trưởng)" : ""))) + ".");
        sb.AppendLine($"Tổ được phân công dự, theo dõi, hướng dẫn sinh hoạt {cov.Cells} chi bộ: " + string.Join("; ", cov.PerCell.Select(c => c.CellName).OrderBy(x => x)) + ".");
        sb.AppendLine();
        sb.AppendLine("II. KẾT QUẢ DỰ, THEO DÕI, HƯỚNG DẪN SINH HOẠT CHI BỘ");
        sb.AppendLine($"Trong kỳ ({start.Vn()} – {end.AddDays(-1).Vn()}), các chi bộ tổ phụ trách tổ chức {meetings.Count} buổi sinh hoạt. Tổ trưởng phân công {cov.Assigned} lượt dự; các thành viên đã dự {cov.VisitsMade} lượt, {cov.CellsVisited}/{cov.Cells} chi bộ được dự ít nhất một lần; xác nhận xếp loại {cov.RatingsConfirmed} buổi.");
        foreach (var c in cov.PerCell.OrderBy(c => c.CellName))
            sb.AppendLine(c.Visited > 0
                ? $"- {c.CellName}: dự {c.Visited}/{c.Meetings} buổi ({string.Join(", ", c.Visitors)}), lần gần nhất ngày {c.LastVisit.Vn()}."
                : $"- {c.CellName}: chưa lần nào được dự ({c.Meetings} buổi sinh hoạt trong kỳ).");
        foreach (var v in visits.Where(v => !v.Attended))
            sb.AppendLine($"- Đồng chí {v.FullName} được phân công dự {cellNames.GetValueOrDefault(v.CellId)} ngày {v.Date.Vn()} nhưng không dự được: {v.AbsenceReason}.");
        if (ratings.Count > 0)
            sb.AppendLine("Xếp loại các buổi sinh hoạt đã được cấp trên xác nhận trong kỳ: " + string.Join(", ", ratings.OrderBy(r => r.Key).Select(r => $"{r.Key.Vietnamese()} {r.Count}")) + ".");
        sb.AppendLine();
        sb.AppendLine("III. NHẬN XÉT, NHỮNG HẠN CHẾ THƯỜNG GẶP");
        sb.AppendLine($"- Thông báo, tài liệu gửi muộn hoặc không gửi: {Late()} buổi.");
        sb.AppendLine($"- Tỷ lệ đảng viên dự họp dưới {rules.AttendancePercent}%: {meetings.Count(m => m.Expected > 0 && 100.0 * m.Present / m.Expected < rules.AttendancePercent)} buổi.");
        sb.AppendLine($"- Có đảng viên vắng mặt không lý do: {meetings.Count(m => m.Unexcused > 0)} buổi.");
        sb.AppendLine($"- Thời lượng dưới mức tối thiểu: {Short()} buổi.");
        foreach (var v in visits.Where(v => v.Attended))
        {
            var notes = new[] { v.ObservationPreparation, v.ObservationAttendance, v.ObservationConduct, v.ObservationClosing }.Where(x => x is not null).ToList();
            if (notes.Count > 0) sb.AppendLine($"- {cellNames.GetValueOrDefault(v.CellId)} ({v.Date.Vn()}, {v.FullName}): {string.Join(" ", notes)}");
        }
        sb.AppendLine();
        sb.AppendLine("IV. NỘI DUNG ĐÃ HƯỚNG DẪN CHI BỘ");
        foreach (var v in visits.Where(v => v.Guidance is not null)) sb.AppendLine($"- {cellNames.GetValueOrDefault(v.CellId)} ({v.Date.Vn()}): {v.Guidance}");
        sb.AppendLine();
        sb.AppendLine("V. ĐỀ XUẤT, KIẾN NGHỊ");
        sb.AppendLine(cov.NeverVisited.Count > 0 ? $"- Bố trí dự sinh hoạt tại các chi bộ chưa được dự: {string.Join("; ", cov.NeverVisited)}." : "- (Tổ trưởng bổ sung.)");
        return sb.ToString().TrimEnd();
    }

    public async Task<byte[]> DocxAsync(GroupReport r, CancellationToken ct = default) => OfficialLayout.Render(await DocumentAsync(r, ct));

    public async Task<OfficialDocument> DocumentAsync(GroupReport r, CancellationToken ct = default)
    {
        var g = await db.MonitoringGroups.FirstAsync(x => x.Id == r.GroupId, ct);
        var today = VnTime.Day(Now);
        var owner = await db.AsDtos(db.Units.Where(u => u.Id == g.OwnerUnitId), today).Select(u => u.Name).FirstAsync(ct);
        var leader = await db.Users.Where(u => u.Id == g.LeaderUserId).Select(u => u.FullName).FirstAsync(ct);
        // The group writes under its committee's letterhead: the committee's party organization above, the group as issuer.
        var committee = await Letterheads.ForSourceAsync(db, g.OwnerUnitId, today, SourceKinds.GroupReport, r.Id, ct);
        var head = committee with { ParentOrg = OfficialLayout.PartyBodyOf(owner), Issuer = g.Name };
        return new OfficialDocument(head, "Báo cáo", $"kết quả dự, theo dõi, hướng dẫn sinh hoạt chi bộ {Label(r.Period, r.Year)}", body =>
        {
            foreach (var line in r.Body.Split('\n'))
            {
                var heading = line.Length > 3 && line.Split('.')[0] is "I" or "II" or "III" or "IV" or "V";
                body.Append(Docx.P(line, bold: heading, justify: !heading, before: heading ? 160 : 0));
            }
        })
        {
            Addressee = "Ban Thường vụ " + owner,
            Recipients = ["Ban Thường vụ " + owner + " (qua Ban Tổ chức),", "Lưu Tổ."],
            Signature = new SignatureBlock(SignatureForm.None, null, "Tổ trưởng", leader,
                Note: r.Status == ReportStatus.Submitted ? $"(Đã gửi {VnTime.Stamp(r.SubmittedAt!.Value)})" : "(Dự thảo)"),
        };
    }
}

public static class GroupReportsApi
{
    public record ReportDto(int Id, int GroupId, int Year, ReportPeriod Period, string PeriodText, ReportStatus Status, string Body, DateTime? SubmittedAt, string? SubmittedBy, DateOnly Due, int Version);
    public record DraftRequest(int? Version);
    public record EditRequest(string Body, int Version);

    static async Task<ReportDto> ToDto(AppDbContext db, GroupReport r)
    {
        var g = await db.MonitoringGroups.FirstAsync(x => x.Id == r.GroupId);
        var rules = await RuleSets.InForceAsync(db, g.OwnerUnitId, new DateOnly(r.Year, 1, 1));
        return new ReportDto(r.Id, r.GroupId, r.Year, r.Period, GroupReportService.Label(r.Period, r.Year), r.Status, r.Body, r.SubmittedAt, r.SubmittedBy,
            r.Period == ReportPeriod.HalfYear ? rules.HalfYearReportDue(r.Year) : rules.YearReportDue(r.Year), r.Version);
    }

    static Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult> Fail(Outcome<GroupReport> r) =>
        r.ToConflict() is { } conflict ? conflict : r.ToProblem();

    static ValidationProblem? BadPeriod(ReportPeriod period) =>
        Enum.IsDefined(period) ? null : Problems.Invalid("period", "Kỳ báo cáo là HalfYear (6 tháng đầu năm) hoặc Year (cả năm).");

    public static void MapGroupReports(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/monitoring/groups/{id:int}/reports/{year:int}/{period}").WithTags("Tổ dự, theo dõi, hướng dẫn sinh hoạt chi bộ").RequireAuthorization();

        Task<GroupReport?> Find(AppDbContext db, int id, int year, ReportPeriod period) =>
            db.GroupReports.AsNoTracking().FirstOrDefaultAsync(r => r.GroupId == id && r.Year == year && r.Period == period);
        ProblemHttpResult NoReport(int year, ReportPeriod period) => Problems.NotFound($"Tổ chưa có báo cáo {GroupReportService.Label(period, year)}.");

        g.MapGet("/", async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> (int id, int year, ReportPeriod period, AppDbContext db) =>
        {
            if (BadPeriod(period) is { } bad) return bad;
            return await Find(db, id, year, period) is { } r ? TypedResults.Ok(await ToDto(db, r)) : NoReport(year, period);
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Read)
          .WithSummary("Báo cáo 6 tháng (HalfYear) hoặc năm (Year) của tổ");

        g.MapPost("/draft", async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> (int id, int year, ReportPeriod period, DraftRequest req, AppDbContext db, GroupReportService svc) =>
        {
            if (BadPeriod(period) is { } bad) return bad;
            var r = await svc.DraftAsync(id, year, period, req.Version);
            return r.Ok ? TypedResults.Ok(await ToDto(db, r.Value!)) : Fail(r);
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Report)
          .WithSummary("Tổ trưởng soạn (hoặc soạn lại) dự thảo báo cáo từ số liệu đã ghi nhận");

        g.MapPut("/", async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> (int id, int year, ReportPeriod period, EditRequest req, AppDbContext db, GroupReportService svc) =>
        {
            if (BadPeriod(period) is { } bad) return bad;
            if (await Find(db, id, year, period) is not { } rep) return NoReport(year, period);
            var r = await svc.EditAsync(rep.Id, req.Body, req.Version);
            return r.Ok ? TypedResults.Ok(await ToDto(db, r.Value!)) : Fail(r);
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Report)
          .WithSummary("Tổ trưởng sửa nội dung báo cáo");

        g.MapPost("/submit", async Task<Results<Ok<ReportDto>, ValidationProblem, ProblemHttpResult>> (int id, int year, ReportPeriod period, DraftRequest req, AppDbContext db, GroupReportService svc) =>
        {
            if (BadPeriod(period) is { } bad) return bad;
            if (await Find(db, id, year, period) is not { } rep) return NoReport(year, period);
            var r = await svc.SubmitAsync(rep.Id, req.Version ?? -1);
            return r.Ok ? TypedResults.Ok(await ToDto(db, r.Value!)) : Fail(r);
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Report)
          .WithSummary("Tổ trưởng gửi báo cáo lên Ban Thường vụ (sau khi gửi không sửa được)");

        g.MapGet("/docx", async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> (int id, int year, ReportPeriod period, AppDbContext db, GroupReportService svc) =>
        {
            if (BadPeriod(period) is { } bad) return bad;
            if (await Find(db, id, year, period) is not { } r) return NoReport(year, period);
            return TypedResults.File(await svc.DocxAsync(r), Docx.ContentType, $"bao-cao-to-{id}-{year}-{(period == ReportPeriod.HalfYear ? "6-thang" : "nam")}.docx");
        }).Require<GroupAccess, GroupNeed>(GroupNeed.Read)
          .WithSummary("Báo cáo của tổ (DOCX)");
    }
}
