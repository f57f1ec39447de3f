using ChiBo.Data;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Meetings;

/// <summary>
/// The minutes (biên bản): written as a draft with optimistic concurrency, adopted (content hash frozen, sealed into
/// the cell's book), signed by chair and meeting secretary, corrected only by addenda.
/// </summary>
public class MinutesService(AppDbContext db, MeetingService meetings, MinutesSeal seal, TimeProvider clock, IHttpContextAccessor http)
{
    public record RemarkInput(int? MemberId, string? SpeakerName, string Text, int? TopicId);
    public record AgendaInput(int? Id, AgendaSection Section, string Title, int? TopicId, string? Conclusion, List<RemarkInput>? Remarks);
    public record MinutesInput(int Version, TimeOnly? StartedAt, TimeOnly? EndedAt, int? ChairId, int? MinutesSecretaryId,
        string? Guests, string? Resolution, List<AgendaInput>? Agenda);
    public record VoteInput(int MemberId, VoteChoice Choice, string? Opinion);
    public enum SignRole { Chair, Secretary }

    DateTime Now => clock.GetUtcNow().UtcDateTime;
    string Actor => http.HttpContext?.User.Identity?.Name ?? "hệ thống";

    Task<Meeting> LoadAsync(int id, CancellationToken ct) => db.Meetings
        .Include(x => x.Agenda).ThenInclude(a => a.Remarks).Include(x => x.Attendance).Include(x => x.Votes)
        .AsSplitQuery().FirstAsync(x => x.Id == id, ct);

    public async Task<Outcome<Meeting>> SaveAsync(int id, MinutesInput input, CancellationToken ct = default)
    {
        var m = await LoadAsync(id, ct);
        if (m.Version != input.Version) return MeetingService.Conflict();
        if (m.IsLocked) return MeetingService.Locked();
        if (m.Status is MeetingStatus.Planned or MeetingStatus.Notified or MeetingStatus.Cancelled)
            return Outcome<Meeting>.Fail("status", "Điểm danh trước khi ghi biên bản.");
        if (input.StartedAt is { } s && input.EndedAt is { } e && e <= s)
            return Outcome<Meeting>.Fail("endedAt", "Giờ kết thúc phải sau giờ bắt đầu.");
        var present = m.Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.MemberId).ToHashSet();
        if (input.ChairId is { } c && !present.Contains(c)) return Outcome<Meeting>.Fail("chairId", "Người chủ trì phải là đảng viên có mặt.");
        if (input.MinutesSecretaryId is { } sec && !present.Contains(sec)) return Outcome<Meeting>.Fail("minutesSecretaryId", "Thư ký phải là đảng viên có mặt.");
        m.StartedAt = input.StartedAt; m.EndedAt = input.EndedAt; m.ChairId = input.ChairId; m.MinutesSecretaryId = input.MinutesSecretaryId;
        m.Guests = Clean(input.Guests); m.Resolution = Clean(input.Resolution);
        if (input.Agenda is { } agenda)
        {
            if (agenda.Any(a => string.IsNullOrWhiteSpace(a.Title))) return Outcome<Meeting>.Fail("agenda", "Mỗi mục trong chương trình cần có nội dung.");
            var names = await SpeakerNamesAsync(m, agenda.SelectMany(a => a.Remarks ?? []), ct);
            if (!names.Ok) return Outcome<Meeting>.Fail(names.Field!, names.Error!);
            var keep = agenda.Where(a => a.Id is not null).Select(a => a.Id!.Value).ToHashSet();
            foreach (var gone in m.Agenda.Where(a => !keep.Contains(a.Id)).ToList()) m.Agenda.Remove(gone);
            var order = 0;
            foreach (var a in agenda)
            {
                var item = a.Id is { } aid ? m.Agenda.FirstOrDefault(x => x.Id == aid) : null;
                if (a.Id is not null && item is null) return Outcome<Meeting>.Fail("agenda", $"Mục chương trình {a.Id} không thuộc buổi sinh hoạt này.");
                if (item is null) { item = new AgendaItem { Title = "" }; m.Agenda.Add(item); }
                item.Order = ++order; item.Section = a.Section; item.Title = a.Title.Trim(); item.TopicId = a.TopicId; item.Conclusion = Clean(a.Conclusion);
                if (a.Remarks is null) continue;
                item.Remarks.Clear();
                var r = 0;
                foreach (var input2 in a.Remarks)
                    item.Remarks.Add(new Remark { Order = ++r, MemberId = input2.MemberId, SpeakerName = names.Value![input2], Text = input2.Text.Trim(), TopicId = input2.TopicId });
            }
        }
        meetings.Touch(m);
        return await meetings.SaveAsync(m, ct);
    }

    public async Task<Outcome<Meeting>> AddRemarkAsync(int id, int itemId, int version, RemarkInput input, CancellationToken ct = default)
    {
        var m = await LoadAsync(id, ct);
        if (m.Version != version) return MeetingService.Conflict();
        if (m.IsLocked) return MeetingService.Locked();
        if (m.Status is not MeetingStatus.Held) return Outcome<Meeting>.Fail("status", "Điểm danh trước khi ghi biên bản.");
        var item = m.Agenda.FirstOrDefault(a => a.Id == itemId);
        if (item is null) return Outcome<Meeting>.Fail("agendaItemId", "Mục chương trình không thuộc buổi sinh hoạt này.");
        var names = await SpeakerNamesAsync(m, [input], ct);
        if (!names.Ok) return Outcome<Meeting>.Fail(names.Field!, names.Error!);
        item.Remarks.Add(new Remark { Order = item.Remarks.Count + 1, MemberId = input.MemberId, SpeakerName = names.Value![input], Text = input.Text.Trim(), TopicId = input.TopicId });
        meetings.Touch(m);
        return await meetings.SaveAsync(m, ct);
    }

    public async Task<Outcome<Meeting>> SetConclusionAsync(int id, int itemId, int version, string? conclusion, CancellationToken ct = default)
    {
        var m = await LoadAsync(id, ct);
        if (m.Version != version) return MeetingService.Conflict();
        if (m.IsLocked) return MeetingService.Locked();
        var item = m.Agenda.FirstOrDefault(a => a.Id == itemId);
        if (item is null) return Outcome<Meeting>.Fail("agendaItemId", "Mục chương trình không thuộc buổi sinh hoạt này.");
        item.Conclusion = Clean(conclusion);
        meetings.Touch(m);
        return await meetings.SaveAsync(m, ct);
    }

    /// <summary>Speakers are members present at the meeting (named from the roll) or guests named in full.</summary>
    async Task<Outcome<Dictionary<RemarkInput, string>>> SpeakerNamesAsync(Meeting m, IEnumerable<RemarkInput> remarks, CancellationToken ct)
    {
        var list = remarks.ToList();
        if (list.Any(r => string.IsNullOrWhiteSpace(r.Text))) return Outcome<Dictionary<RemarkInput, string>>.Fail("text", "Nhập nội dung phát biểu.");
        var ids = list.Where(r => r.MemberId is not null).Select(r => r.MemberId!.Value).Distinct().ToList();
        var present = m.Attendance.Where(a => a.Status == AttendanceStatus.Present).Select(a => a.MemberId).ToHashSet();
        var notPresent = ids.FirstOrDefault(i => !present.Contains(i));
        if (notPresent != 0) return Outcome<Dictionary<RemarkInput, string>>.Fail("memberId", "Người phát biểu phải là đảng viên có mặt (khách mời: ghi họ tên).");
        var names = await db.Members.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        var result = new Dictionary<RemarkInput, string>(ReferenceEqualityComparer.Instance);
        foreach (var r in list)
        {
            var name = r.MemberId is { } mid ? names[mid] : r.SpeakerName?.Trim();
            if (string.IsNullOrEmpty(name)) return Outcome<Dictionary<RemarkInput, string>>.Fail("speakerName", "Chọn đảng viên phát biểu hoặc ghi họ tên khách mời.");
            result[r] = name;
        }
        return Outcome<Dictionary<RemarkInput, string>>.Success(result);
    }

    /// <summary>The vote on the resolution: official members present only (Điều lệ Đảng: dự bị không biểu quyết).</summary>
    public async Task<Outcome<Meeting>> CastVotesAsync(int id, int version, List<VoteInput> votes, CancellationToken ct = default)
    {
        var m = await LoadAsync(id, ct);
        if (m.Version != version) return MeetingService.Conflict();
        if (m.IsLocked) return MeetingService.Locked();
        if (string.IsNullOrWhiteSpace(m.Resolution)) return Outcome<Meeting>.Fail("resolution", "Ghi nội dung nghị quyết trước khi biểu quyết.");
        var att = m.Attendance.ToDictionary(a => a.MemberId);
        var ids = votes.Select(v => v.MemberId).Distinct().ToList();
        var names = await db.Members.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.FullName, ct);
        foreach (var v in votes)
        {
            var name = names.GetValueOrDefault(v.MemberId) ?? $"mã {v.MemberId}";
            if (!att.TryGetValue(v.MemberId, out var a) || a.Status != AttendanceStatus.Present)
                return Outcome<Meeting>.Fail("votes", $"{name} không có mặt tại buổi sinh hoạt nên không biểu quyết.");
            if (!a.Official)
                return Outcome<Meeting>.Fail("votes", $"{name} là đảng viên dự bị: được phát biểu nhưng không có quyền biểu quyết.");
            if (v.Choice == VoteChoice.Other && string.IsNullOrWhiteSpace(v.Opinion))
                return Outcome<Meeting>.Fail("votes", $"Ghi ý kiến khác của {name}.");
        }
        if (ids.Count != votes.Count) return Outcome<Meeting>.Fail("votes", "Mỗi đảng viên chỉ biểu quyết một lần.");
        m.Votes.Clear();
        foreach (var v in votes) m.Votes.Add(new Vote { MemberId = v.MemberId, Choice = v.Choice, Opinion = Clean(v.Opinion) });
        meetings.Touch(m);
        return await meetings.SaveAsync(m, ct);
    }

    /// <summary>Read back and adopted at the end of the meeting: from here the content is frozen and hashed.</summary>
    public async Task<Outcome<Meeting>> AdoptAsync(int id, int version, CancellationToken ct = default)
    {
        var m = await LoadAsync(id, ct);
        if (m.Version != version) return MeetingService.Conflict();
        if (m.IsLocked) return MeetingService.Locked();
        await seal.EnsureKeyAsync(ct);
        var missing = new List<string>();
        if (m.Attendance.Count == 0) missing.Add("điểm danh");
        if (m.StartedAt is null || m.EndedAt is null) missing.Add("giờ bắt đầu và kết thúc");
        if (m.ChairId is null) missing.Add("người chủ trì");
        if (m.MinutesSecretaryId is null) missing.Add("thư ký");
        if (m.Agenda.Count == 0) missing.Add("chương trình");
        if (missing.Count > 0) return Outcome<Meeting>.Fail("minutes", "Biên bản còn thiếu: " + string.Join(", ", missing) + ".");
        m.ReadBack = true;
        m.AdoptedAt = Now;
        m.Status = MeetingStatus.Adopted;
        m.ContentHash = MinutesHash.Compute(m);
        if (await seal.AdoptAsync(m, ct) is { } refused) return Outcome<Meeting>.Fail("status", refused);
        meetings.Touch(m);
        return await meetings.SaveAsync(m, ct);
    }

    /// <summary>
    /// The chair and the meeting secretary sign. A member signs with their own account; the cell secretary may
    /// record a signature given on the paper book (the record says who entered it).
    /// </summary>
    public async Task<Outcome<Meeting>> SignAsync(int id, SignRole role, int? signerMemberId, bool canRecordForOthers, CancellationToken ct = default)
    {
        var m = await db.Meetings.FirstAsync(x => x.Id == id, ct);
        if (m.Status != MeetingStatus.Adopted) return Outcome<Meeting>.Fail("status", "Biên bản phải được thông qua trước khi ký.");
        var who = role == SignRole.Chair ? m.ChairId : m.MinutesSecretaryId;
        var own = signerMemberId is not null && signerMemberId == who;
        if (!own && !canRecordForOthers) return Outcome<Meeting>.Fail("role", role == SignRole.Chair ? "Chỉ người chủ trì ký ở mục chủ trì." : "Chỉ thư ký buổi sinh hoạt ký ở mục thư ký.");
        if (await seal.RefusalAsync(id, ct) is { } refused) return Outcome<Meeting>.Fail("status", refused);
        var by = own ? Actor : $"{Actor} (ghi nhận chữ ký trên sổ)";
        if (role == SignRole.Chair)
        {
            if (m.ChairSignedAt is not null) return Outcome<Meeting>.Fail("role", "Người chủ trì đã ký.");
            m.ChairSignedAt = Now; m.ChairSignedBy = by;
        }
        else
        {
            if (m.SecretarySignedAt is not null) return Outcome<Meeting>.Fail("role", "Thư ký đã ký.");
            m.SecretarySignedAt = Now; m.SecretarySignedBy = by;
        }
        await seal.ResealAsync(m, ct);
        meetings.Touch(m);
        return await meetings.SaveAsync(m, ct);
    }

    public async Task<Outcome<MinutesAddendum>> AddAddendumAsync(int id, DateOnly date, string text, CancellationToken ct = default)
    {
        var m = await db.Meetings.FirstAsync(x => x.Id == id, ct);
        if (m.Status != MeetingStatus.Adopted) return Outcome<MinutesAddendum>.Fail("status", "Biên bản chưa thông qua: sửa trực tiếp trong biên bản.");
        if (string.IsNullOrWhiteSpace(text)) return Outcome<MinutesAddendum>.Fail("text", "Nhập nội dung đính chính.");
        if (date < m.Date) return Outcome<MinutesAddendum>.Fail("date", "Ngày phụ lục không thể trước ngày họp.");
        if (await seal.RefusalAsync(id, ct) is { } refused) return Outcome<MinutesAddendum>.Fail("status", refused);
        var a = new MinutesAddendum { MeetingId = id, Date = date, Text = text.Trim(), CreatedAt = Now, CreatedBy = Actor };
        a.ContentHash = MinutesHash.Compute(a, m.ContentHash!);
        await seal.SealAddendumAsync(m, a, ct);
        db.MinutesAddenda.Add(a);
        await seal.ResealAsync(m, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MinutesAddendum>.Success(a);
    }

    public async Task<Outcome<MinutesAddendum>> SignAddendumAsync(int id, int addendumId, CancellationToken ct = default)
    {
        var a = await db.MinutesAddenda.FirstOrDefaultAsync(x => x.Id == addendumId && x.MeetingId == id, ct);
        if (a is null) return Outcome<MinutesAddendum>.Fail("addendumId", "Không có phụ lục này.");
        if (a.SignedAt is not null) return Outcome<MinutesAddendum>.Fail("addendumId", "Phụ lục đã được ký.");
        if (await seal.RefusalAsync(id, ct) is { } refused) return Outcome<MinutesAddendum>.Fail("status", refused);
        var m = await db.Meetings.FirstAsync(x => x.Id == id, ct);
        a.SignedAt = Now; a.SignedBy = Actor;
        await seal.SealAddendumAsync(m, a, ct);
        await seal.ResealAsync(m, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<MinutesAddendum>.Success(a);
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
