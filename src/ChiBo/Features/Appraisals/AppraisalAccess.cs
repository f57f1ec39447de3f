using ChiBo.Data;
using ChiBo.Features.Accounts;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Appraisals;

public enum AppraisalNeed
{
    /// <summary>The rating and its history: a member's only where the account sees the member's personal data.</summary>
    Read,
    /// <summary>Self-assessment: the rated organization itself, or the rated member themself.</summary>
    Self,
    /// <summary>Appraisal and proposal: the rated organization itself, or the member's cell.</summary>
    Propose,
    /// <summary>The decision: committee staff acting for the level that decides (the level directly above).</summary>
    Decide,
    /// <summary>Return for a new assessment: the deciding level, or the proposer a self-assessment it has not yet proposed.</summary>
    Return,
}

/// <summary>
/// The one access rule of an annual rating. Each step belongs to one unit and only accounts acting for that unit take
/// it: the level above does not write the cell's proposal, a level that skips one does not decide, an administrator
/// (who keeps the data, not the party's work) takes no step.
/// </summary>
public class AppraisalAccess(AppDbContext db, UserScope scope) : IAccessRule<AppraisalNeed>
{
    record Subject(int UnitId, int? MemberId, int DeciderUnitId, int Year, AppraisalStatus Status);

    public async Task<Access> ForAsync(int id, AppraisalNeed need, CancellationToken ct = default) =>
        await VisibleAsync(id, ct) is { } a ? Judge(a, need) : Access.Hidden;

    /// <summary>The steps the account may take on a rating it reads, for the page's buttons.</summary>
    public async Task<(bool Self, bool Propose, bool Decide)> StepsAsync(int id, CancellationToken ct = default) =>
        await VisibleAsync(id, ct) is { } a ? (Judge(a, AppraisalNeed.Self).Allowed, Judge(a, AppraisalNeed.Propose).Allowed, Judge(a, AppraisalNeed.Decide).Allowed) : (false, false, false);

    async Task<Subject?> VisibleAsync(int id, CancellationToken ct)
    {
        var a = await db.Appraisals.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new Subject(x.UnitId, x.MemberId, x.DeciderUnitId, x.Year, x.Status)).FirstOrDefaultAsync(ct);
        if (a is null) return null;
        var visible = a.MemberId is { } m ? await scope.CanSeePersonalDataAsync(m, ct) : await scope.CanSeeUnitAsync(a.UnitId, new DateOnly(a.Year, 12, 31), ct);
        return visible ? a : null;
    }

    Access Judge(Subject a, AppraisalNeed need) => need switch
    {
        AppraisalNeed.Read => Access.Allow,
        AppraisalNeed.Self => a.MemberId is { } m
            ? Access.When(scope.MemberId == m, "Tự đánh giá, tự xếp loại là việc của chính đảng viên được đánh giá.")
            : Access.When(scope.ActsFor(a.UnitId), "Tự đánh giá, tự xếp loại là việc của chính tổ chức đảng được đánh giá (bí thư chi bộ hoặc cán bộ của cấp ủy đó)."),
        AppraisalNeed.Propose => Access.When(scope.ActsFor(a.UnitId), a.MemberId is null
            ? "Nhận xét, đề xuất xếp loại là việc của chính tổ chức đảng được đánh giá, không do cấp trên làm thay."
            : "Nhận xét, đề xuất xếp loại đảng viên là việc của chi bộ nơi đảng viên sinh hoạt (bí thư chi bộ)."),
        AppraisalNeed.Decide => Access.When(Decides(a), DecideReason),
        AppraisalNeed.Return => Access.When(Decides(a) || (a.Status == AppraisalStatus.SelfAssessed && scope.ActsFor(a.UnitId)),
            "Trả lại do cấp quyết định xếp loại thực hiện (hoặc đơn vị đề xuất trả lại bản tự đánh giá chưa đề xuất)."),
        _ => Access.Hidden,
    };

    const string DecideReason = "Quyết định xếp loại do cán bộ của cấp ủy trực tiếp cấp trên (cấp có thẩm quyền quyết định) thực hiện, không do cấp khác làm thay.";

    bool Decides(Subject a) => scope.ActsFor(a.DeciderUnitId) && scope.IsInRole(Roles.CommitteeStaff);
}
