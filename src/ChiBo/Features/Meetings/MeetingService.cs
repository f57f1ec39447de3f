using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Members;
using ChiBo.Features.Notifications;
using ChiBo.Features.Organization;
using ChiBo.Features.Rules;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

/// <summary>Planning, notice, documents and attendance of a meeting. Callers check the account's scope first.</summary>
public class MeetingService(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public record AgendaLine(AgendaSection Section, string Title, int? TopicId = null);

    public record PlanRequest(MeetingKind Kind, DateOnly Date, TimeOnly StartTime, string Place, string Title, int? TopicId,
        int? ContentPreparerId, int? ResolutionDrafterId, int? PaperDrafterId, List<AgendaLine>? Agenda);

    public record AttendanceEntry(int MemberId, AttendanceStatus Status, AbsenceReason? Reason, string? ReasonText, string? Note);

    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    public static Outcome<Meeting> Conflict() => Outcome<Meeting>.Fail("version",
        "Biên bản đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem bản mới rồi nhập lại thay đổi của bạn.");

    public static Outcome<Meeting> Locked() => Outcome<Meeting>.Fail("status",
        "Biên bản đã được thông qua và ký, không thể sửa. Muốn đính chính, hãy lập phụ lục biên bản.");

    public async Task<Outcome<Meeting>> PlanAsync(int cellId, PlanRequest req, CancellationToken ct = default)
    {
        var unit = await db.Units.Include(u => u.UnitType).FirstOrDefaultAsync(u => u.Id == cellId, ct);
        if (unit is null || !unit.UnitType!.IsCell) return Outcome<Meeting>.Fail("cellId", "Chỉ chi bộ mới lập kế hoạch sinh hoạt.");
        if (unit.EffectiveFrom > req.Date || (unit.EffectiveTo is { } end && end <= req.Date))
            return Outcome<Meeting>.Fail("date", $"Ngày {req.Date.Vn()} chi bộ không còn (hoặc chưa) hoạt động.");
        var m = new Meeting { CellId = cellId, Place = "", Title = "", Status = MeetingStatus.Planned, CreatedAt = Now, UpdatedAt = Now };
        var check = await ApplyPlanAsync(m, req, ct);
        if (!check.Ok) return check;
        db.Meetings.Add(m);
        await db.SaveChangesAsync(ct);
        return Outcome<Meeting>.Success(m);
    }

    public async Task<Outcome<Meeting>> UpdatePlanAsync(int id, PlanRequest req, int version, CancellationToken ct = default)
    {
        var m = await db.Meetings.Include(x => x.Agenda).ThenInclude(a => a.Remarks).FirstAsync(x => x.Id == id, ct);
        if (m.Version != version) return Conflict();
        if (m.Status is MeetingStatus.Adopted or MeetingStatus.Cancelled) return Locked();
        var dateChanged = m.Date != req.Date || m.StartTime != req.StartTime || m.Place != req.Place?.Trim();
        if (m.Status == MeetingStatus.Held && req.Agenda is not null && req.Agenda.Count != m.Agenda.Count && m.Agenda.Any(a => a.Remarks.Count > 0))
            return Outcome<Meeting>.Fail("agenda", "Biên bản đã ghi ý kiến phát biểu: sửa chương trình trong phần biên bản.");
        var check = await ApplyPlanAsync(m, req, ct);
        if (!check.Ok) return check;
        // A changed time or place needs a new notice to members.
        if (dateChanged && m.Status == MeetingStatus.Notified) { m.Status = MeetingStatus.Planned; m.NoticeSentAt = null; m.NoticeSentBy = null; }
        Touch(m);
        return await SaveAsync(m, ct);
    }

    async Task<Outcome<Meeting>> ApplyPlanAsync(Meeting m, PlanRequest req, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(req.Title)) return Outcome<Meeting>.Fail("title", "Nhập nội dung chính của buổi sinh hoạt.");
        if (string.IsNullOrWhiteSpace(req.Place)) return Outcome<Meeting>.Fail("place", "Nhập địa điểm sinh hoạt.");
        if (req.Kind.IsThematic() && req.TopicId is null) return Outcome<Meeting>.Fail("topicId", "Buổi sinh hoạt chuyên đề cần chọn chủ đề.");
        if (req.TopicId is { } t && !await db.Topics.AnyAsync(x => x.Id == t && x.Active, ct)) return Outcome<Meeting>.Fail("topicId", "Chủ đề không tồn tại.");
        if (req.Kind.IsRegular())
        {
            var first = new DateOnly(req.Date.Year, req.Date.Month, 1);
            var other = await db.Meetings.Where(x => x.CellId == m.CellId && x.Id != m.Id && x.Status != MeetingStatus.Cancelled
                    && (x.Kind == MeetingKind.Periodic || x.Kind == MeetingKind.Combined) && x.Date >= first && x.Date < first.AddMonths(1))
                .Select(x => (DateOnly?)x.Date).FirstOrDefaultAsync(ct);
            if (other is { } o)
                return Outcome<Meeting>.Fail("date", $"Tháng {req.Date:MM/yyyy} chi bộ đã có buổi sinh hoạt thường kỳ ngày {o.Vn()}.");
        }
        var roll = await Roll.OnAsync(db, m.CellId, req.Date, ct);
        foreach (var (field, who) in new[] { ("contentPreparerId", req.ContentPreparerId), ("resolutionDrafterId", req.ResolutionDrafterId), ("paperDrafterId", req.PaperDrafterId) })
            if (who is { } w && roll.All(r => r.MemberId != w))
                return Outcome<Meeting>.Fail(field, $"Người được phân công không có trong danh sách chi bộ ngày {req.Date.Vn()}.");
        if (req.Agenda is { } lines && lines.Any(l => string.IsNullOrWhiteSpace(l.Title)))
            return Outcome<Meeting>.Fail("agenda", "Mỗi mục trong chương trình cần có nội dung.");

        m.Kind = req.Kind; m.Date = req.Date; m.StartTime = req.StartTime; m.Place = req.Place.Trim(); m.Title = req.Title.Trim();
        m.TopicId = req.TopicId; m.ContentPreparerId = req.ContentPreparerId; m.ResolutionDrafterId = req.ResolutionDrafterId;
        m.PaperDrafterId = req.Kind.IsThematic() ? req.PaperDrafterId : null;
        if (req.Agenda is not null || m.Agenda.Count == 0)
        {
            var agenda = req.Agenda ?? await TemplateAsync(m.CellId, req.Kind, req.Date, req.TopicId, ct);
            ReplaceAgenda(m, agenda);
        }
        return Outcome<Meeting>.Success(m);
    }

    /// <summary>Keeps existing items (and their remarks) where the position matches; adds or removes the rest.</summary>
    static void ReplaceAgenda(Meeting m, List<AgendaLine> lines)
    {
        var existing = m.Agenda.OrderBy(a => a.Order).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var item = i < existing.Count ? existing[i] : new AgendaItem { Title = "" };
            item.Order = i + 1; item.Section = lines[i].Section; item.Title = lines[i].Title.Trim(); item.TopicId = lines[i].TopicId;
            if (i >= existing.Count) m.Agenda.Add(item);
        }
        foreach (var extra in existing.Skip(lines.Count)) m.Agenda.Remove(extra);
    }

    /// <summary>The standard order from the rule set in force (DOMAIN 4.3); a combined meeting puts the thematic part before the closing.</summary>
    public async Task<List<AgendaLine>> TemplateAsync(int cellId, MeetingKind kind, DateOnly date, int? topicId, CancellationToken ct = default)
    {
        var rules = await RuleSets.InForceAsync(db, cellId, date, ct);
        static List<AgendaLine> Parse(string template, int? topic) => RuleSets.AgendaLines(template).Select(l =>
            l.StartsWith("Mở đầu:") ? new AgendaLine(AgendaSection.Opening, l["Mở đầu:".Length..].Trim())
            : l.StartsWith("Kết thúc:") ? new AgendaLine(AgendaSection.Closing, l["Kết thúc:".Length..].Trim())
            : new AgendaLine(AgendaSection.Content, l, topic)).ToList();
        var periodic = Parse(rules.PeriodicAgenda, null);
        var thematic = Parse(rules.ThematicAgenda, topicId);
        return kind switch
        {
            MeetingKind.Thematic => thematic,
            MeetingKind.Combined => [.. periodic.Where(l => l.Section != AgendaSection.Closing),
                                     .. thematic.Where(l => l.Section == AgendaSection.Content),
                                     .. periodic.Where(l => l.Section == AgendaSection.Closing)],
            _ => periodic,
        };
    }

    /// <summary>
    /// Sends the notice (time, place, content) to the members on the roll that day and to the upper-level
    /// accounts that follow the cell; the meeting records when, so lateness is measurable.
    /// </summary>
    public async Task<Outcome<int>> SendNoticeAsync(int id, CancellationToken ct = default)
    {
        var m = await db.Meetings.FirstAsync(x => x.Id == id, ct);
        if (m.Status is not (MeetingStatus.Planned or MeetingStatus.Notified))
            return Outcome<int>.Fail("status", "Chỉ gửi thông báo cho buổi sinh hoạt chưa diễn ra.");
        var roll = await Roll.OnAsync(db, m.CellId, m.Date, ct);
        var memberIds = roll.Where(r => r.Status is RollStatus.Official or RollStatus.Probationary).Select(r => r.MemberId).ToList();
        var memberUsers = await db.Users.Where(u => u.MemberId != null && memberIds.Contains(u.MemberId.Value)).Select(u => u.Id).ToListAsync(ct);
        var ancestors = await db.UnitClosures.ValidOn(m.Date).Where(c => c.DescendantId == m.CellId && c.Depth > 0).Select(c => c.AncestorId).ToListAsync(ct);
        var monitorRole = await db.Roles.Where(r => r.Name == Roles.MonitoringMember).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var monitors = await db.Users.Where(u => ancestors.Contains(u.UnitId) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == monitorRole))
            .Select(u => u.Id).ToListAsync(ct);
        var cell = await db.AsDtos(db.Units.Where(u => u.Id == m.CellId), m.Date).Select(u => u.Name).FirstAsync(ct);
        foreach (var user in memberUsers.Concat(monitors).Distinct())
            db.Notifications.Add(new Notification
            {
                UserId = user, CreatedAt = Now, Link = $"/Meetings/{m.Id}",
                Title = $"{cell}: sinh hoạt {m.Kind.Vietnamese().ToLowerInvariant()} {m.StartTime:HH\\:mm} ngày {m.Date.Vn()}",
                Body = $"Địa điểm: {m.Place}. Nội dung: {m.Title}.",
            });
        m.NoticeSentAt = Now; m.NoticeSentBy = Actor; m.Status = MeetingStatus.Notified; Touch(m);
        var saved = await SaveAsync(m, ct);
        return saved.Ok ? Outcome<int>.Success(memberUsers.Concat(monitors).Distinct().Count()) : Outcome<int>.Fail(saved.Field!, saved.Error!);
    }

    public async Task<Outcome<MeetingDocument>> AddDocumentAsync(int id, DocumentKind kind, string fileName, string contentType, byte[] content, CancellationToken ct = default)
    {
        var m = await db.Meetings.FirstAsync(x => x.Id == id, ct);
        if (m.IsLocked) return Outcome<MeetingDocument>.Fail("status", "Biên bản đã thông qua: không thêm tài liệu vào buổi sinh hoạt này.");
        if (content.Length == 0) return Outcome<MeetingDocument>.Fail("file", "Tệp rỗng.");
        if (content.Length > MaxDocumentBytes) return Outcome<MeetingDocument>.Fail("file", "Tệp lớn hơn 20 MB.");
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0) return Outcome<MeetingDocument>.Fail("fileName", "Thiếu tên tệp.");
        var doc = new MeetingDocument { MeetingId = id, Kind = kind, FileName = name, ContentType = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType, Content = content, UploadedAt = Now, UploadedBy = Actor };
        db.MeetingDocuments.Add(doc);
        await db.SaveChangesAsync(ct);
        return Outcome<MeetingDocument>.Success(doc);
    }

    /// <summary>
    /// Records the roll call. Every member on the roll that day gets one status; exempt and special-duty
    /// members keep that status (they are outside the denominator), and an absence with reason needs its reason.
    /// </summary>
    public async Task<Outcome<Meeting>> RecordAttendanceAsync(int id, int version, List<AttendanceEntry> entries, DateOnly today, CancellationToken ct = default)
    {
        var m = await db.Meetings.Include(x => x.Attendance).FirstAsync(x => x.Id == id, ct);
        if (m.Version != version) return Conflict();
        if (m.IsLocked) return Locked();
        if (m.Status == MeetingStatus.Cancelled) return Outcome<Meeting>.Fail("status", "Buổi sinh hoạt đã hủy.");
        if (m.Date > today) return Outcome<Meeting>.Fail("date", $"Chưa đến ngày họp ({m.Date.Vn()}): chỉ điểm danh vào ngày sinh hoạt.");
        var roll = await Roll.OnAsync(db, m.CellId, m.Date, ct);
        var given = entries.GroupBy(e => e.MemberId).ToDictionary(g => g.Key, g => g.Last());
        var stranger = given.Keys.FirstOrDefault(k => roll.All(r => r.MemberId != k));
        if (stranger != 0) return Outcome<Meeting>.Fail("attendance", $"Đảng viên mã {stranger} không có trong danh sách chi bộ ngày {m.Date.Vn()}.");
        var missing = roll.Where(r => r.Status is RollStatus.Official or RollStatus.Probationary && !given.ContainsKey(r.MemberId)).Select(r => r.FullName).ToList();
        if (missing.Count > 0) return Outcome<Meeting>.Fail("attendance", "Chưa điểm danh: " + string.Join(", ", missing) + ".");
        foreach (var r in roll)
        {
            var status = r.Status switch
            {
                RollStatus.Exempt => AttendanceStatus.Exempt,
                RollStatus.SpecialDuty => AttendanceStatus.SpecialDuty,
                _ => given[r.MemberId].Status,
            };
            var e = given.GetValueOrDefault(r.MemberId);
            if (r.Status is RollStatus.Official or RollStatus.Probationary && status is AttendanceStatus.Exempt or AttendanceStatus.SpecialDuty)
                return Outcome<Meeting>.Fail("attendance", $"{r.FullName} không thuộc diện miễn sinh hoạt hay làm nhiệm vụ đặc biệt ngày {m.Date.Vn()}.");
            if (status == AttendanceStatus.AbsentExcused && e?.Reason is null)
                return Outcome<Meeting>.Fail("attendance", $"{r.FullName} vắng có lý do: chọn lý do (ốm đau, công tác, đi xa, khác).");
            var row = m.Attendance.FirstOrDefault(a => a.MemberId == r.MemberId);
            if (row is null) { row = new Attendance { MemberId = r.MemberId }; m.Attendance.Add(row); }
            row.Status = status;
            row.Official = r.Status == RollStatus.Official;
            row.Reason = status == AttendanceStatus.AbsentExcused ? e!.Reason : null;
            row.ReasonText = status == AttendanceStatus.AbsentExcused ? e!.ReasonText?.Trim() : null;
            row.Note = e?.Note?.Trim();
        }
        // Rows of people no longer on the roll that day (a transfer back-dated after an earlier roll call).
        foreach (var stale in m.Attendance.Where(a => roll.All(r => r.MemberId != a.MemberId)).ToList()) m.Attendance.Remove(stale);
        if (m.Status is MeetingStatus.Planned or MeetingStatus.Notified) m.Status = MeetingStatus.Held;
        Touch(m);
        return await SaveAsync(m, ct);
    }

    /// <summary>A member tells the cell ahead of time that they will be absent, and why.</summary>
    public async Task<Outcome<Meeting>> AnnounceAbsenceAsync(int id, int memberId, AbsenceReason reason, string? text, DateOnly today, CancellationToken ct = default)
    {
        var m = await db.Meetings.Include(x => x.Attendance).FirstAsync(x => x.Id == id, ct);
        if (m.Status is not (MeetingStatus.Planned or MeetingStatus.Notified) || m.Date < today)
            return Outcome<Meeting>.Fail("status", "Chỉ báo vắng trước buổi sinh hoạt.");
        if (string.IsNullOrWhiteSpace(text) && reason == AbsenceReason.Other) return Outcome<Meeting>.Fail("reasonText", "Ghi rõ lý do vắng.");
        var roll = await Roll.OnAsync(db, m.CellId, m.Date, ct);
        var me = roll.FirstOrDefault(r => r.MemberId == memberId);
        if (me is null || me.Status is RollStatus.Exempt or RollStatus.SpecialDuty)
            return Outcome<Meeting>.Fail("memberId", "Bạn không có trong danh sách sinh hoạt của chi bộ ngày họp.");
        var row = m.Attendance.FirstOrDefault(a => a.MemberId == memberId);
        if (row is null) { row = new Attendance { MemberId = memberId, Official = me.Status == RollStatus.Official }; m.Attendance.Add(row); }
        row.Status = AttendanceStatus.AbsentExcused; row.Reason = reason; row.ReasonText = text?.Trim(); row.AnnouncedAt = Now;
        Touch(m);
        return await SaveAsync(m, ct);
    }

    public async Task<Outcome<Meeting>> CancelAsync(int id, int version, CancellationToken ct = default)
    {
        var m = await db.Meetings.FirstAsync(x => x.Id == id, ct);
        if (m.Version != version) return Conflict();
        if (m.IsLocked) return Locked();
        m.Status = MeetingStatus.Cancelled; Touch(m);
        return await SaveAsync(m, ct);
    }

    /// <summary>Marks the meeting changed even when only its children changed, so its version moves and guards them.</summary>
    public void Touch(Meeting m)
    {
        m.UpdatedAt = Now;
        db.Entry(m).Property(x => x.UpdatedAt).IsModified = true;
    }

    /// <summary>Save with the version check enforced by the database too: two tabs that loaded the same version cannot both win.</summary>
    public async Task<Outcome<Meeting>> SaveAsync(Meeting m, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Conflict(); }
        return Outcome<Meeting>.Success(m);
    }
}
