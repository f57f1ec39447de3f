using ChiBo.Features.Shared;

namespace ChiBo.Features.Plans;

/// <summary>
/// Years and months a page reads from its address or a form. The API refuses them before the handler (InputChecks);
/// a page refuses them here, so the error page answers 400 naming the field instead of a date that cannot exist failing deep in a query.
/// </summary>
public static class PageInput
{
    public static int Year(int year, string field = "year") => year is < InputChecks.MinYear or > InputChecks.MaxYear
        ? throw new RefusedException(field, $"Năm {year} nằm ngoài khoảng cho phép ({InputChecks.MinYear}–{InputChecks.MaxYear}).")
        : year;

    /// <summary>The version a form carries: missing, the post would act on whatever is stored now, so it is refused.</summary>
    public static int Version(int? version) => version
        ?? throw new RefusedException("version", "Thiếu phiên bản của bản ghi (version) trong biểu mẫu: hãy tải lại trang rồi thực hiện lại.");

    public static int Month(int month, string field = "month") => month is < 1 or > 12
        ? throw new RefusedException(field, $"Tháng {month} không hợp lệ: tháng từ 1 đến 12.")
        : month;
}
