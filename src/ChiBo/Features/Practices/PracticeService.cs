using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Meetings;
using ChiBo.Features.Organization;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Practices;

public record FigureInput(string? Label, string? Value);

/// <summary>What the committee writes about a practice. The source cell is fixed once evidence is linked to its meetings.</summary>
public record PracticeInput(int? SourceCellId, string? Title, string? Summary, string? Description, int? TopicId, List<FigureInput>? Figures);

/// <summary>Recording, evidencing, publishing and adopting good practices. Callers check who may act; this checks what may be done.</summary>
public class PracticeService(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    DateOnly Today => VnTime.Day(Now);
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    static Outcome<GoodPractice> Fail(string field, string message) => Outcome<GoodPractice>.Fail(field, message);
    static Outcome<GoodPractice> Conflict() => Fail("version",
        "Cách làm hay đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem bản mới rồi nhập lại thay đổi của bạn.");

    public Task<GoodPractice?> FindAsync(int id, CancellationToken ct = default) =>
        db.GoodPractices.Include(p => p.Evidence).Include(p => p.Figures).AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<Outcome<GoodPractice>> CreateAsync(int committeeId, PracticeInput input, CancellationToken ct = default)
    {
        var committee = await db.Units.Where(u => u.Id == committeeId).Select(u => new { u.UnitType!.IsCell }).FirstOrDefaultAsync(ct);
        if (committee is null || committee.IsCell) return Fail("committeeId", "Cách làm hay do cấp ủy cấp trên của chi bộ ghi nhận, không phải chi bộ.");
        var p = new GoodPractice { CommitteeId = committeeId, Title = "", Summary = "", Status = PracticeStatus.Draft, CreatedAt = Now, CreatedBy = Actor };
        if (await ApplyAsync(p, input, ct) is { } invalid) return invalid;
        db.GoodPractices.Add(p);
        return await SaveAsync(p, ct);
    }

    public async Task<Outcome<GoodPractice>> UpdateAsync(int id, int version, PracticeInput input, CancellationToken ct = default)
    {
        var p = await FindAsync(id, ct);
        if (p is null) return Fail("id", "Không có cách làm hay này.");
        if (p.Version != version) return Conflict();
        if (p.Status != PracticeStatus.Draft) return Fail("status", "Chỉ sửa được cách làm hay đang là dự thảo.");
        if (input.SourceCellId is { } src && src != p.SourceCellId && p.Evidence.Count > 0)
            return Fail("sourceCellId", "Đã có minh chứng từ biên bản của chi bộ nguồn: gỡ minh chứng trước khi đổi chi bộ.");
        if (await ApplyAsync(p, input with { SourceCellId = input.SourceCellId ?? p.SourceCellId }, ct) is { } invalid) return invalid;
        Touch(p);
        return await SaveAsync(p, ct);
    }

    async Task<Outcome<GoodPractice>?> ApplyAsync(GoodPractice p, PracticeInput input, CancellationToken ct)
    {
        if (input.SourceCellId is not { } cellId) return Fail("sourceCellId", "Chọn chi bộ có cách làm hay.");
        // The subtree first: an id outside it answers the same whether it exists or not.
        if (cellId == p.CommitteeId || !await db.IsInSubtreeAsync(p.CommitteeId, cellId, Today, ct))
            return Fail("sourceCellId", "Chi bộ có cách làm hay phải trực thuộc cấp ủy ghi nhận.");
        if (!await db.Units.AnyAsync(u => u.Id == cellId && u.UnitType!.IsCell, ct)) return Fail("sourceCellId", "Chi bộ có cách làm hay phải là một chi bộ.");
        if (string.IsNullOrWhiteSpace(input.Title)) return Fail("title", "Nhập tên cách làm hay.");
        if (input.Title.Trim().Length > 500) return Fail("title", "Tên cách làm hay dài quá 500 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Summary)) return Fail("summary", "Nhập tóm tắt cách làm (làm gì, ai làm, kết quả ra sao).");
        if (input.Summary.Trim().Length > 2000) return Fail("summary", "Tóm tắt dài quá 2000 ký tự.");
        if (input.TopicId is { } t && !await db.Topics.AnyAsync(x => x.Id == t && x.Active, ct)) return Fail("topicId", "Chọn chủ đề trong danh mục.");
        var figures = (input.Figures ?? []).Where(f => !string.IsNullOrWhiteSpace(f.Label) || !string.IsNullOrWhiteSpace(f.Value)).ToList();
        for (var i = 0; i < figures.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(figures[i].Label)) return Fail("figures", $"Số liệu dòng {i + 1}: nhập tên chỉ tiêu.");
            if (string.IsNullOrWhiteSpace(figures[i].Value)) return Fail("figures", $"Số liệu dòng {i + 1}: nhập giá trị.");
            if (figures[i].Label!.Trim().Length > 300 || figures[i].Value!.Trim().Length > 100) return Fail("figures", $"Số liệu dòng {i + 1}: quá dài.");
        }
        p.SourceCellId = cellId;
        p.Title = input.Title.Trim();
        p.Summary = input.Summary.Trim();
        p.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        p.TopicId = input.TopicId;
        p.Figures.Clear();
        for (var i = 0; i < figures.Count; i++)
            p.Figures.Add(new PracticeFigure { Order = i + 1, Label = figures[i].Label!.Trim(), Value = figures[i].Value!.Trim() });
        return null;
    }

    /// <summary>
    /// Cites a meeting of the source cell. The excerpt is copied from adopted minutes (frozen by their hash): a remark's text,
    /// an agenda item's conclusion, or, with neither, the resolution.
    /// </summary>
    public async Task<Outcome<GoodPractice>> LinkEvidenceAsync(int id, int version, int meetingId, int? agendaItemId, int? remarkId, CancellationToken ct = default)
    {
        var p = await FindAsync(id, ct);
        if (p is null) return Fail("id", "Không có cách làm hay này.");
        if (p.Version != version) return Conflict();
        if (p.Status != PracticeStatus.Draft) return Fail("status", "Chỉ bổ sung minh chứng khi cách làm hay còn là dự thảo.");
        var m = await db.Meetings.AsNoTracking().Include(x => x.Agenda).ThenInclude(a => a.Remarks).FirstOrDefaultAsync(x => x.Id == meetingId, ct);
        // The cell committee's own meetings (sinh hoạt chi ủy) are its working record, not evidence to publish.
        if (m is null || m.CellId != p.SourceCellId || m.Kind == MeetingKind.Committee) return Fail("meetingId", "Chọn một buổi sinh hoạt của chi bộ có cách làm hay.");
        if (m.Status != MeetingStatus.Adopted) return Fail("meetingId", "Chỉ trích dẫn biên bản đã được thông qua.");
        string source, excerpt;
        if (remarkId is { } rid)
        {
            var item = m.Agenda.FirstOrDefault(a => a.Remarks.Any(r => r.Id == rid));
            if (item is null) return Fail("remarkId", "Ý kiến không thuộc biên bản buổi sinh hoạt này.");
            var r = item.Remarks.First(x => x.Id == rid);
            (source, excerpt, agendaItemId) = ($"Ý kiến của {r.SpeakerName} — {item.Title}", r.Text, item.Id);
        }
        else if (agendaItemId is { } aid)
        {
            var item = m.Agenda.FirstOrDefault(a => a.Id == aid);
            if (item is null) return Fail("agendaItemId", "Nội dung không thuộc chương trình buổi sinh hoạt này.");
            if (string.IsNullOrWhiteSpace(item.Conclusion)) return Fail("agendaItemId", "Nội dung này chưa có kết luận của chủ trì để trích dẫn.");
            (source, excerpt) = ($"Kết luận — {item.Title}", item.Conclusion);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(m.Resolution)) return Fail("meetingId", "Biên bản không có nghị quyết để trích dẫn: chọn một kết luận hoặc ý kiến.");
            (source, excerpt) = ("Nghị quyết", m.Resolution);
        }
        if (p.Evidence.Any(e => e.MeetingId == meetingId && e.AgendaItemId == agendaItemId && e.RemarkId == remarkId))
            return Fail("meetingId", "Trích dẫn này đã có trong minh chứng.");
        p.Evidence.Add(new PracticeEvidence
        {
            MeetingId = meetingId, AgendaItemId = agendaItemId, RemarkId = remarkId, Source = source.Length > 500 ? source[..500] : source,
            Excerpt = excerpt, LinkedAt = Now, LinkedBy = Actor,
        });
        Touch(p);
        return await SaveAsync(p, ct);
    }

    public async Task<Outcome<GoodPractice>> UnlinkEvidenceAsync(int id, int version, int evidenceId, CancellationToken ct = default)
    {
        var p = await FindAsync(id, ct);
        if (p is null) return Fail("id", "Không có cách làm hay này.");
        if (p.Version != version) return Conflict();
        if (p.Status != PracticeStatus.Draft) return Fail("status", "Chỉ gỡ minh chứng khi cách làm hay còn là dự thảo.");
        var e = p.Evidence.FirstOrDefault(x => x.Id == evidenceId);
        if (e is null) return Fail("evidenceId", "Không có minh chứng này.");
        p.Evidence.Remove(e);
        Touch(p);
        return await SaveAsync(p, ct);
    }

    /// <summary>Publishing needs something to show: at least one cited meeting.</summary>
    public async Task<Outcome<GoodPractice>> PublishAsync(int id, int version, CancellationToken ct = default)
    {
        var p = await FindAsync(id, ct);
        if (p is null) return Fail("id", "Không có cách làm hay này.");
        if (p.Version != version) return Conflict();
        if (p.Status != PracticeStatus.Draft) return Fail("status", "Cách làm hay đã được công bố hoặc đã thu hồi.");
        if (p.Evidence.Count == 0) return Fail("evidence", "Thêm ít nhất một minh chứng từ biên bản sinh hoạt của chi bộ trước khi công bố.");
        (p.Status, p.PublishedAt, p.PublishedBy) = (PracticeStatus.Published, Now, Actor);
        return await SaveAsync(p, ct);
    }

    /// <summary>A withdrawn practice leaves the cells' lists; its adoptions stay on record.</summary>
    public async Task<Outcome<GoodPractice>> WithdrawAsync(int id, int version, string? reason, CancellationToken ct = default)
    {
        var p = await FindAsync(id, ct);
        if (p is null) return Fail("id", "Không có cách làm hay này.");
        if (p.Version != version) return Conflict();
        if (p.Status != PracticeStatus.Published) return Fail("status", "Chỉ thu hồi cách làm hay đã công bố.");
        if (string.IsNullOrWhiteSpace(reason)) return Fail("reason", "Ghi lý do thu hồi.");
        (p.Status, p.WithdrawnAt, p.WithdrawnBy, p.WithdrawReason) = (PracticeStatus.Withdrawn, Now, Actor, reason.Trim());
        return await SaveAsync(p, ct);
    }

    /// <summary>A cell of the publishing committee's subtree (not the source cell) takes up a published practice.</summary>
    public async Task<Outcome<PracticeAdoption>> AdoptAsync(int practiceId, int cellId, DateOnly? adoptedOn, string? note, CancellationToken ct = default)
    {
        var p = await db.GoodPractices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == practiceId, ct);
        if (p is null) return Outcome<PracticeAdoption>.Fail("id", "Không có cách làm hay này.");
        if (p.Status != PracticeStatus.Published) return Outcome<PracticeAdoption>.Fail("status", "Chỉ đăng ký áp dụng cách làm hay đang được công bố.");
        if (!await db.Units.AnyAsync(u => u.Id == cellId && u.UnitType!.IsCell, ct)) return Outcome<PracticeAdoption>.Fail("cellId", "Chỉ chi bộ đăng ký áp dụng cách làm hay.");
        if (cellId == p.SourceCellId) return Outcome<PracticeAdoption>.Fail("cellId", "Đây là chi bộ có cách làm hay, không cần đăng ký áp dụng.");
        if (!await db.IsInSubtreeAsync(p.CommitteeId, cellId, Today, ct)) return Outcome<PracticeAdoption>.Fail("cellId", "Cách làm hay này không được công bố tới chi bộ.");
        var day = adoptedOn ?? Today;
        if (day > Today) return Outcome<PracticeAdoption>.Fail("adoptedOn", "Ngày áp dụng không được sau hôm nay.");
        if (note?.Trim().Length > 2000) return Outcome<PracticeAdoption>.Fail("note", "Ghi chú dài quá 2000 ký tự.");
        if (await db.PracticeAdoptions.FirstOrDefaultAsync(a => a.PracticeId == practiceId && a.CellId == cellId, ct) is { } existing)
            return Outcome<PracticeAdoption>.Fail("status", $"Chi bộ đã đăng ký áp dụng cách làm hay này từ ngày {existing.AdoptedOn.Vn()}.");
        var a = new PracticeAdoption { PracticeId = practiceId, CellId = cellId, AdoptedOn = day, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RecordedBy = Actor, RecordedAt = Now };
        db.PracticeAdoptions.Add(a);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return Outcome<PracticeAdoption>.Fail("status", "Chi bộ đã đăng ký áp dụng cách làm hay này."); }
        return Outcome<PracticeAdoption>.Success(a);
    }

    /// <summary>A mistaken adoption is taken back by the same people who record it.</summary>
    public async Task<bool> UnadoptAsync(int practiceId, int cellId, CancellationToken ct = default) =>
        await db.PracticeAdoptions.Where(a => a.PracticeId == practiceId && a.CellId == cellId).ExecuteDeleteAsync(ct) > 0;

    // Children (evidence, figures) changed: move the parent's version so a stale form is refused.
    void Touch(GoodPractice p)
    {
        if (db.Entry(p).State == EntityState.Unchanged) db.Entry(p).Property(x => x.CreatedAt).IsModified = true;
    }

    async Task<Outcome<GoodPractice>> SaveAsync(GoodPractice p, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Conflict(); }
        return Outcome<GoodPractice>.Success(p);
    }
}
