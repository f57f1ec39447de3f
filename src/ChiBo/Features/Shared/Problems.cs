using Microsoft.AspNetCore.Http.HttpResults;

namespace ChiBo.Features.Shared;

/// <summary>
/// Every error the API answers is a ProblemDetails with a Vietnamese title and detail: these are the titles, and
/// the shortcuts for the refusals every feature shares.
/// </summary>
public static class Problems
{
    public static string Title(int status) => status switch
    {
        400 => "Yêu cầu không hợp lệ",
        401 => "Chưa đăng nhập",
        403 => "Không có quyền",
        404 => "Không tìm thấy",
        405 => "Phương thức không được hỗ trợ",
        409 => "Xung đột cập nhật",
        413 => "Dữ liệu gửi lên quá lớn",
        415 => "Định dạng dữ liệu không được hỗ trợ",
        422 => "Không xử lý được yêu cầu",
        423 => "Đã khóa",
        429 => "Quá nhiều yêu cầu",
        503 => "Hệ thống tạm thời không sẵn sàng",
        >= 500 => "Lỗi hệ thống",
        _ => "Lỗi",
    };

    public static string Detail(int status) => status switch
    {
        400 => "Yêu cầu có giá trị không hợp lệ.",
        401 => "Hãy đăng nhập (hoặc gửi mã truy cập Bearer) để dùng chức năng này.",
        403 => "Tài khoản không có quyền thực hiện thao tác này.",
        404 => "Không tìm thấy dữ liệu được yêu cầu, hoặc tài khoản không có quyền xem.",
        405 => "Địa chỉ này không nhận phương thức HTTP đã gửi.",
        409 => "Dữ liệu vừa được người khác thay đổi; hãy tải lại và thử lại.",
        413 => "Tệp hoặc nội dung gửi lên vượt quá giới hạn cho phép.",
        415 => "Hãy gửi nội dung JSON (Content-Type: application/json).",
        503 => "Cơ sở dữ liệu tạm thời không kết nối được. Dữ liệu chưa được ghi; hãy thử lại sau ít giây.",
        >= 500 => "Hệ thống không xử lý được yêu cầu. Hãy thử lại, hoặc báo cho quản trị hệ thống.",
        _ => "Yêu cầu không thực hiện được.",
    };

    public static ProblemHttpResult NotFound(string? detail = null) => TypedResults.Problem(detail ?? Detail(404), statusCode: 404, title: Title(404));
    public static ProblemHttpResult Forbidden(string? detail = null) => TypedResults.Problem(detail ?? Detail(403), statusCode: 403, title: Title(403));
    public static ProblemHttpResult Conflict(string? detail = null) => TypedResults.Problem(detail ?? Detail(409), statusCode: 409, title: Title(409));

    public static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "Dữ liệu không hợp lệ");

    /// <summary>Fills what a bare status (NotFound(), Forbid(), a binding failure) leaves empty, in Vietnamese.</summary>
    public static void Customize(ProblemDetailsContext ctx)
    {
        var p = ctx.ProblemDetails;
        var status = p.Status ?? ctx.HttpContext.Response.StatusCode;
        if (string.IsNullOrEmpty(p.Title) || p.Title == ReasonPhrase(status)) p.Title = Title(status);
        // The framework's own title for a ValidationProblem without one.
        if (p.Title == "One or more validation errors occurred.") p.Title = "Dữ liệu không hợp lệ";
        p.Detail ??= Detail(status);
    }

    static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
