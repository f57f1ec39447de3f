using ChiBo.Data;
using ChiBo.Features.Organization;
using ChiBo.Features.Search;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Members;

/// <summary>Write side of members: profile, admission into a cell, transfers, positions, exemptions.</summary>
public class MemberService(AppDbContext db, TimeProvider clock)
{
    DateOnly Today => Accounts.VnTime.Day(clock.GetUtcNow().UtcDateTime);

    public record Profile(string FullName, DateOnly? DateOfBirth, Sex Sex, string? Ethnicity, DateOnly AdmittedOn,
        DateOnly? OfficialOn, string? PartyCardNumber, string? CitizenId, string? Phone);

    public async Task<Outcome<Member>> CreateAsync(Profile p, int cellId, DateOnly joinedOn, CancellationToken ct = default)
    {
        var invalid = Validate(p, Today);
        if (invalid is not null) return Outcome<Member>.Fail(invalid.Value.Field, invalid.Value.Message);
        if (MemberRules.Start(joinedOn, Today) is { } start) return Outcome<Member>.Fail(start.ApiName, start.Message);
        var cell = await CellCheckAsync(cellId, joinedOn, ct);
        if (cell is not null) return Outcome<Member>.Fail("cellId", cell);
        if (await TakenAsync(p, null, ct) is { } taken) return Outcome<Member>.Fail(taken.Field, taken.Message);
        var member = new Member { FullName = "", NameKey = "", SortKey = [] };
        Apply(member, p);
        db.Members.Add(member);
        db.Memberships.Add(new Membership { Member = member, UnitId = cellId, From = joinedOn });
        await db.SaveChangesAsync(ct);
        return Outcome<Member>.Success(member);
    }

    /// <summary>Edits the profile; a stale version (someone saved in between) is refused, not overwritten.</summary>
    public async Task<Outcome<Member>> UpdateAsync(int id, Profile p, int expectedVersion, CancellationToken ct = default)
    {
        var invalid = Validate(p, Today);
        if (invalid is not null) return Outcome<Member>.Fail(invalid.Value.Field, invalid.Value.Message);
        var member = await db.Members.FindAsync([id], ct);
        if (member is null) return Outcome<Member>.Fail("id", "Không tìm thấy đảng viên.");
        if (await TakenAsync(p, id, ct) is { } taken) return Outcome<Member>.Fail(taken.Field, taken.Message);
        db.Entry(member).Property(m => m.Version).OriginalValue = expectedVersion;
        Apply(member, p);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<Member>.Fail("version", "Hồ sơ đã được người khác cập nhật trong lúc bạn sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.");
        }
        return Outcome<Member>.Success(member);
    }

    /// <summary>Chuyển sinh hoạt đảng: ends the membership in the old cell the day the new one starts.</summary>
    public async Task<Outcome<Membership>> TransferAsync(int memberId, int toCellId, DateOnly date, string? note, CancellationToken ct = default)
    {
        var current = await db.Memberships.Where(m => m.MemberId == memberId && m.From <= date && (m.To == null || m.To > date)).FirstOrDefaultAsync(ct);
        if (current is null) return Outcome<Membership>.Fail("memberId", $"Đảng viên không sinh hoạt ở chi bộ nào vào ngày {date.Vn()}.");
        if (current.UnitId == toCellId) return Outcome<Membership>.Fail("toCellId", "Đảng viên đang sinh hoạt ở chi bộ này.");
        if (current.From == date) return Outcome<Membership>.Fail("date", "Ngày chuyển phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại.");
        if (await db.Memberships.AnyAsync(m => m.MemberId == memberId && m.From > date, ct))
            return Outcome<Membership>.Fail("date", "Đã có lần chuyển sinh hoạt sau ngày này; hãy nhập theo thứ tự thời gian.");
        var cell = await CellCheckAsync(toCellId, date, ct);
        if (cell is not null) return Outcome<Membership>.Fail("toCellId", cell);
        current.To = date;
        var next = new Membership { MemberId = memberId, UnitId = toCellId, From = date, Note = note };
        db.Memberships.Add(next);
        // A position held in the old cell ends with the membership.
        var positions = await db.MemberPositions.Where(p => p.MemberId == memberId && p.UnitId == current.UnitId && (p.To == null || p.To > date)).ToListAsync(ct);
        foreach (var p in positions) p.To = date;
        await db.SaveChangesAsync(ct);
        return Outcome<Membership>.Success(next);
    }

    public async Task<Outcome<MemberPosition>> AssignPositionAsync(int memberId, Position position, DateOnly from, CancellationToken ct = default)
    {
        var cellId = await Roll.CellOfAsync(db, memberId, from, ct);
        if (cellId is null) return Outcome<MemberPosition>.Fail("from", $"Đảng viên không sinh hoạt ở chi bộ nào vào ngày {from.Vn()}.");
        var open = await db.MemberPositions.Where(p => p.MemberId == memberId && p.UnitId == cellId && (p.To == null || p.To > from)).ToListAsync(ct);
        foreach (var p in open) p.To = from;
        var row = new MemberPosition { MemberId = memberId, UnitId = cellId.Value, Position = position, From = from };
        db.MemberPositions.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<MemberPosition>.Success(row);
    }

    public async Task<Outcome<Exemption>> ExemptAsync(int memberId, ExemptionKind kind, DateOnly decisionDate, DateOnly from, DateOnly? to, string? reason, CancellationToken ct = default)
    {
        if (to is { } t && t <= from) return Outcome<Exemption>.Fail("to", "Ngày kết thúc phải sau ngày bắt đầu.");
        if (decisionDate > from) return Outcome<Exemption>.Fail("decisionDate", "Ngày quyết định không được sau ngày bắt đầu miễn.");
        if (!await db.Members.AnyAsync(m => m.Id == memberId, ct)) return Outcome<Exemption>.Fail("memberId", "Không tìm thấy đảng viên.");
        if (await db.Exemptions.AnyAsync(e => e.MemberId == memberId && e.From < (to ?? DateOnly.MaxValue) && (e.To == null || e.To > from), ct))
            return Outcome<Exemption>.Fail("from", "Khoảng thời gian này trùng với một quyết định miễn đã có.");
        var row = new Exemption { MemberId = memberId, Kind = kind, DecisionDate = decisionDate, From = from, To = to, Reason = reason };
        db.Exemptions.Add(row);
        await db.SaveChangesAsync(ct);
        return Outcome<Exemption>.Success(row);
    }

    async Task<string?> CellCheckAsync(int cellId, DateOnly date, CancellationToken ct)
    {
        var unit = await db.Units.Include(u => u.UnitType).FirstOrDefaultAsync(u => u.Id == cellId, ct);
        if (unit is null) return $"Chi bộ không tồn tại vào ngày {date.Vn()}.";
        if (!unit.ExistsOn(date)) return MemberRules.CellLife(unit.Name, unit.EffectiveFrom, unit.EffectiveTo, date) ?? $"Chi bộ không tồn tại vào ngày {date.Vn()}.";
        if (!unit.UnitType!.IsCell) return $"“{unit.Name}” không phải là chi bộ; đảng viên chỉ sinh hoạt ở chi bộ.";
        return null;
    }

    /// <summary>A party card or citizen id another member already holds (both indexed; the import checks the same in bulk).</summary>
    async Task<(string Field, string Message)?> TakenAsync(Profile p, int? self, CancellationToken ct)
    {
        var card = string.IsNullOrWhiteSpace(p.PartyCardNumber) ? null : p.PartyCardNumber.Trim();
        if (card is not null && (await db.Members.AnyAsync(m => m.PartyCardNumber == card && m.Id != self, ct)
                || db.Members.Local.Any(m => m.PartyCardNumber == card && m.Id != self)))
            return ("partyCardNumber", $"Số thẻ đảng “{card}” đã có trong hệ thống.");
        var citizen = string.IsNullOrWhiteSpace(p.CitizenId) ? null : p.CitizenId.Trim();
        if (citizen is not null && (await db.Members.AnyAsync(m => m.CitizenId == citizen && m.Id != self, ct)
                || db.Members.Local.Any(m => m.CitizenId == citizen && m.Id != self)))
            return ("citizenId", $"Số CCCD “{citizen}” đã có trong hệ thống.");
        return null;
    }

    /// <summary>The profile rules (<see cref="MemberRules"/>), shared with the bulk import's checks.</summary>
    public static (string Field, string Message)? Validate(Profile p, DateOnly today) =>
        MemberRules.Check(p, today) is { } r ? (r.ApiName, r.Message) : null;

    /// <summary>What a profile writes into a member row (keys included), shared with the import.</summary>
    public static void Apply(Member m, Profile p)
    {
        m.FullName = p.FullName.Trim();
        m.NameKey = VietnameseText.Fold(m.FullName);
        m.SortKey = VietnameseText.PersonSortKey(m.FullName);
        m.DateOfBirth = p.DateOfBirth;
        m.Sex = p.Sex;
        m.Ethnicity = p.Ethnicity;
        m.AdmittedOn = p.AdmittedOn;
        m.OfficialOn = p.OfficialOn;
        m.PartyCardNumber = string.IsNullOrWhiteSpace(p.PartyCardNumber) ? null : p.PartyCardNumber.Trim();
        m.CitizenId = string.IsNullOrWhiteSpace(p.CitizenId) ? null : p.CitizenId.Trim();
        m.Phone = string.IsNullOrWhiteSpace(p.Phone) ? null : p.Phone.Trim();
    }
}
