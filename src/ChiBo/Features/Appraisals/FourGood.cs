using ChiBo.Data;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public record FourGoodInput(bool PoliticalTask, string? PoliticalTaskEvidence, bool Unity, string? UnityEvidence,
    bool MeetingQuality, string? MeetingQualityEvidence, bool Members, string? MembersEvidence, int? Version);

/// <summary>"Chi bộ 4 tốt" per cell and year: the cell reports each of the four with its evidence; the level above recognizes it.</summary>
public class FourGoodService(AppDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    public Task<FourGoodRecord?> FindAsync(int cellId, int year, CancellationToken ct = default) =>
        db.FourGoodRecords.FirstOrDefaultAsync(f => f.CellId == cellId && f.Year == year, ct);

    static Outcome<FourGoodRecord> Fail(string field, string message) => Outcome<FourGoodRecord>.Fail(field, message);

    public async Task<Outcome<FourGoodRecord>> SaveAsync(int cellId, int year, FourGoodInput input, CancellationToken ct = default)
    {
        var isCell = await db.Units.Where(u => u.Id == cellId).Select(u => (bool?)u.UnitType!.IsCell).FirstOrDefaultAsync(ct);
        if (isCell != true) return Fail("cellId", "“Chi bộ 4 tốt” chỉ theo dõi cho chi bộ.");
        var f = await FindAsync(cellId, year, ct);
        if (f is not null && f.Version != input.Version) return Fail("version", "Bản theo dõi đã được người khác cập nhật. Hãy tải lại trang.");
        if (f is { Recognized: true }) return Fail("status", "Cấp trên đã công nhận: không sửa được.");
        // A "tốt" without a word of evidence is a tick, not a record: each claimed one needs its evidence.
        foreach (var (claimed, evidence, field, name) in new[]
                 {
                     (input.PoliticalTask, input.PoliticalTaskEvidence, "politicalTaskEvidence", "lãnh đạo thực hiện nhiệm vụ chính trị tốt"),
                     (input.Unity, input.UnityEvidence, "unityEvidence", "đoàn kết, kỷ luật tốt"),
                     (input.MeetingQuality, input.MeetingQualityEvidence, "meetingQualityEvidence", "chất lượng sinh hoạt tốt"),
                     (input.Members, input.MembersEvidence, "membersEvidence", "đảng viên tốt"),
                 })
            if (claimed && string.IsNullOrWhiteSpace(evidence)) return Fail(field, $"Nêu minh chứng cho tiêu chí “{name}”.");
        if (f is null) db.FourGoodRecords.Add(f = new FourGoodRecord { CellId = cellId, Year = year });
        (f.PoliticalTask, f.PoliticalTaskEvidence, f.Unity, f.UnityEvidence) = (input.PoliticalTask, input.PoliticalTaskEvidence?.Trim(), input.Unity, input.UnityEvidence?.Trim());
        (f.MeetingQuality, f.MeetingQualityEvidence, f.Members, f.MembersEvidence) = (input.MeetingQuality, input.MeetingQualityEvidence?.Trim(), input.Members, input.MembersEvidence?.Trim());
        (f.UpdatedAt, f.UpdatedBy) = (Now, Actor);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Fail("version", "Bản theo dõi đã được người khác cập nhật. Hãy tải lại trang."); }
        return Outcome<FourGoodRecord>.Success(f);
    }

    public async Task<Outcome<FourGoodRecord>> RecognizeAsync(int cellId, int year, int version, CancellationToken ct = default)
    {
        var f = await FindAsync(cellId, year, ct);
        if (f is null) return Fail("cellId", "Chi bộ chưa báo cáo “4 tốt” năm này.");
        if (f.Version != version) return Fail("version", "Bản theo dõi đã được người khác cập nhật. Hãy tải lại trang.");
        if (!f.AllFour) return Fail("status", "Chỉ công nhận “Chi bộ 4 tốt” khi đạt đủ bốn tiêu chí.");
        (f.Recognized, f.RecognizedBy, f.RecognizedAt) = (true, Actor, Now);
        await db.SaveChangesAsync(ct);
        return Outcome<FourGoodRecord>.Success(f);
    }
}
