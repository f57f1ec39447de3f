namespace ChiBo.Features.Rules;

/// <summary>
/// The bounds of a new rule set, one list for the API and the page, so neither stores a meeting day of 40 or a rubric
/// the scorer cannot add up. Keys are the API's field names (the page prefixes them with its form's name).
/// </summary>
public static class RuleSetChecks
{
    /// <summary>No party rule can be older than the Party (03/02/1930).</summary>
    public static readonly DateOnly Earliest = new(1930, 2, 3);

    public static Dictionary<string, string[]> Check(RuleSet r, IReadOnlyList<RulesApi.CriterionDto?>? criteria = null)
    {
        var e = new Dictionary<string, string[]>();
        void Refuse(bool bad, string field, string message) { if (bad && !e.ContainsKey(field)) e[field] = [message]; }
        Refuse(string.IsNullOrWhiteSpace(r.Name), "name", "Nhập tên bộ quy định.");
        Refuse(r.Name?.Trim().Length > 300, "name", "Tên bộ quy định dài quá 300 ký tự.");
        Refuse(r.EffectiveFrom < Earliest, "effectiveFrom", $"Ngày hiệu lực không được trước {Shared.Dates.Vn(Earliest)}.");
        Refuse(r.MeetingDay is < 1 or > 28, "meetingDay", "Ngày sinh hoạt chung phải từ 1 đến 28.");
        Refuse(r.ThematicPerQuarter is < 1 or > 3, "thematicPerQuarter", "Số buổi chuyên đề mỗi quý phải từ 1 đến 3.");
        Refuse(r.MinMinutes is < 30 or > 480 || r.MinMinutesCombined < r.MinMinutes || r.MinMinutesCombined > 600, "minMinutes",
            "Thời lượng tối thiểu không hợp lệ (từ 30 phút; kết hợp chuyên đề phải ≥ thường kỳ).");
        Refuse(r.NoticeDays is < 0 or > 30, "noticeDays", "Số ngày thông báo trước phải từ 0 đến 30.");
        Refuse(r.AttendancePercent is < 1 or > 100, "attendancePercent", "Ngưỡng phải từ 1 đến 100% (tỷ lệ đảng viên dự họp).");
        Refuse(r.ParticipationPercent is < 1 or > 100, "participationPercent", "Tỷ lệ phát biểu phải từ 1 đến 100%.");
        Refuse(r.MaxExcusedInRow is < 1 or > 12, "maxExcusedInRow", "Số lần vắng liên tiếp phải từ 1 đến 12.");
        Refuse(!(r.GoodMin > r.FairMin && r.FairMin > r.AverageMin && r.AverageMin > 0 && r.GoodMin <= 100), "goodMin", "Ngưỡng xếp loại phải giảm dần: Tốt > Khá > Trung bình > 0.");
        if (criteria is { } c)
        {
            Refuse(c.Any(x => x is null || string.IsNullOrWhiteSpace(x.Code) || string.IsNullOrWhiteSpace(x.Title) || x.MaxPoints <= 0),
                "criteria", "Mỗi tiêu chí cần mã, tên và điểm tối đa lớn hơn 0.");
            Refuse(c.Any(x => x is not null && (!Enum.IsDefined(x.Part) || !Enum.IsDefined(x.Measure))), "criteria", "Phần hoặc cách chấm của tiêu chí không có trong danh mục.");
            if (e.ContainsKey("criteria")) return e;
            Refuse(c.Sum(x => x!.MaxPoints) != 100, "criteria", $"Tổng điểm các tiêu chí phải bằng 100 (hiện {c.Sum(x => x!.MaxPoints)}).");
            Refuse(c.Select(x => x!.Code.Trim()).Distinct().Count() != c.Count, "criteria", "Mã tiêu chí bị trùng.");
        }
        return e;
    }
}
