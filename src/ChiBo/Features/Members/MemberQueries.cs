using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Members;

public record MembershipDto(int UnitId, string UnitName, DateOnly From, DateOnly? To, string? Note);
public record PositionDto(string Position, string UnitName, DateOnly From, DateOnly? To);
public record ExemptionDto(string Kind, DateOnly DecisionDate, DateOnly From, DateOnly? To, string? Reason);

/// <summary>A member's record as the reader may see it: personal fields are null unless their role needs them.</summary>
public record MemberDto(int Id, string FullName, DateOnly? DateOfBirth, Sex Sex, string? Ethnicity, DateOnly AdmittedOn,
    DateOnly? OfficialOn, string Status, int? CellId, string? CellName, bool PersonalDataVisible, string? PartyCardNumber,
    string? CitizenId, string? Phone, int Version, List<MembershipDto> Memberships, List<PositionDto> Positions, List<ExemptionDto> Exemptions);

public static class MemberQueries
{
    public static async Task<MemberDto?> LoadAsync(AppDbContext db, UserScope scope, int id, CancellationToken ct = default)
    {
        var m = await db.Members.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return null;
        var today = scope.Today;
        var personal = await scope.CanSeePersonalDataAsync(id, ct);
        var memberships = await (from ms in db.Memberships where ms.MemberId == id
                                 join u in db.Units on ms.UnitId equals u.Id
                                 orderby ms.From
                                 select new MembershipDto(u.Id, u.Name, ms.From, ms.To, ms.Note)).ToListAsync(ct);
        var positions = await (from p in db.MemberPositions where p.MemberId == id
                               join u in db.Units on p.UnitId equals u.Id
                               orderby p.From
                               select new { p.Position, u.Name, p.From, p.To }).ToListAsync(ct);
        var exemptions = await db.Exemptions.Where(e => e.MemberId == id).OrderBy(e => e.From).ToListAsync(ct);
        var current = memberships.LastOrDefault(x => x.From <= today && (x.To is null || x.To > today));
        var exempt = exemptions.FirstOrDefault(e => e.From <= today && (e.To is null || e.To > today));
        var status = m.LeftOn is { } left && left <= today ? "Đã ra khỏi Đảng"
            : exempt is not null ? exempt.Kind.Vietnamese()
            : m.IsOfficialOn(today) ? "Đảng viên chính thức" : "Đảng viên dự bị";
        return new MemberDto(m.Id, m.FullName, m.DateOfBirth, m.Sex, m.Ethnicity, m.AdmittedOn, m.OfficialOn, status,
            current?.UnitId, current?.UnitName, personal,
            personal ? m.PartyCardNumber : null, personal ? m.CitizenId : null, personal ? m.Phone : null, m.Version,
            memberships, positions.Select(p => new PositionDto(p.Position.Vietnamese(), p.Name, p.From, p.To)).ToList(),
            exemptions.Select(e => new ExemptionDto(e.Kind.Vietnamese(), e.DecisionDate, e.From, e.To, e.Reason)).ToList());
    }

    /// <summary>May the account change this member: staff over the member's current cell, or that cell's secretary.</summary>
    public static async Task<bool> CanEditAsync(AppDbContext db, UserScope scope, int memberId, CancellationToken ct = default)
    {
        if (!scope.CanManageCells) return false;
        var cell = await Roll.CellOfAsync(db, memberId, scope.Today, ct);
        return cell is { } c && await scope.CanSeeUnitAsync(c, null, ct);
    }
}
