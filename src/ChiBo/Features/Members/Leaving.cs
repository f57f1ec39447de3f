using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Members;

/// <summary>Why a member leaves the Party organization's roll (not a transfer between cells).</summary>
public enum LeaveReason { Died, Removed, Expelled, MovedOut }

public static class LeaveReasons
{
    public static string Vietnamese(this LeaveReason r) => r switch
    {
        LeaveReason.Died => "Từ trần",
        LeaveReason.Removed => "Xóa tên",
        LeaveReason.Expelled => "Khai trừ",
        _ => "Chuyển ra ngoài hệ thống tổ chức đảng của tỉnh",
    };
}

/// <summary>
/// Leaving the roll: the current membership ends on the date (kept, with the reason and the decision, as history),
/// open positions and exemptions end with it, and the member is off every roll from that day on.
/// </summary>
public class LeavingService(AppDbContext db, UserScope scope)
{
    public record LeaveRequest(LeaveReason Reason, DateOnly Date, string? Decision);

    public async Task<Outcome<Member>> LeaveAsync(int memberId, LeaveRequest req, CancellationToken ct = default)
    {
        var member = await db.Members.FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (member is null) return Outcome<Member>.Fail("memberId", "Không tìm thấy đảng viên.");
        if (member.LeftOn is { } left) return Outcome<Member>.Fail("date", $"Đảng viên đã ra khỏi danh sách từ ngày {left.Vn()}.");
        if (!Enum.IsDefined(req.Reason)) return Outcome<Member>.Fail("reason", "Chọn lý do: từ trần, xóa tên, khai trừ hoặc chuyển ra ngoài hệ thống.");
        if (req.Date > scope.Today) return Outcome<Member>.Fail("date", "Ngày ra khỏi danh sách không được sau hôm nay.");
        if (req.Decision?.Trim().Length > 200) return Outcome<Member>.Fail("decision", "Số, ngày quyết định ghi tối đa 200 ký tự.");
        var current = await db.Memberships.Where(m => m.MemberId == memberId && m.From <= req.Date && (m.To == null || m.To > req.Date)).FirstOrDefaultAsync(ct);
        if (current is null) return Outcome<Member>.Fail("date", $"Đảng viên không sinh hoạt ở chi bộ nào vào ngày {req.Date.Vn()}.");
        if (current.From == req.Date) return Outcome<Member>.Fail("date", "Ngày ra khỏi danh sách phải sau ngày bắt đầu sinh hoạt ở chi bộ hiện tại.");
        if (await db.Memberships.AnyAsync(m => m.MemberId == memberId && m.From > req.Date, ct))
            return Outcome<Member>.Fail("date", "Đã có lần chuyển sinh hoạt sau ngày này; hãy nhập theo thứ tự thời gian.");

        current.To = req.Date;
        var why = req.Reason.Vietnamese() + (string.IsNullOrWhiteSpace(req.Decision) ? "" : ", " + req.Decision.Trim());
        current.Note = string.IsNullOrWhiteSpace(current.Note) ? why : current.Note + "; " + why;
        member.LeftOn = req.Date;
        foreach (var p in await db.MemberPositions.Where(p => p.MemberId == memberId && (p.To == null || p.To > req.Date)).ToListAsync(ct)) p.To = req.Date;
        foreach (var e in await db.Exemptions.Where(e => e.MemberId == memberId && (e.To == null || e.To > req.Date)).ToListAsync(ct))
            if (e.From < req.Date) e.To = req.Date; else db.Exemptions.Remove(e);
        await db.SaveChangesAsync(ct);
        return Outcome<Member>.Success(member);
    }

    public static void Map(RouteGroupBuilder members) =>
        members.MapPost("/{id:int}/leave", async Task<Results<Ok<MemberDto>, ValidationProblem>> (int id, LeaveRequest req, UserScope scope, LeavingService svc, AppDbContext db) =>
        {
            var r = await svc.LeaveAsync(id, req);
            if (!r.Ok) return r.ToProblem();
            return TypedResults.Ok((await MemberQueries.LoadAsync(db, scope, id))!);
        }).Require<MemberAccess, MemberNeed>(MemberNeed.Edit)
          .WithSummary("Ra khỏi danh sách đảng viên (từ trần, xóa tên, khai trừ, chuyển ra ngoài hệ thống) với ngày và quyết định");
}
