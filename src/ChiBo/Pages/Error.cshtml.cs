using ChiBo.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ChiBo.Pages;

/// <summary>
/// The page a browser sees for an error or a bare status (404, 503). It answers any method without an antiforgery
/// check, because it is re-run for the request that failed, which may have been a form post.
/// </summary>
[IgnoreAntiforgeryToken, AnyAccount("the error page of any request")]
public class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Đã có lỗi xảy ra";
    public string Message { get; private set; } = "Hệ thống không xử lý được yêu cầu. Dữ liệu của bạn không bị thay đổi. Hãy thử lại, hoặc báo cho quản trị hệ thống.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        var status = code ?? Response.StatusCode;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
        {
            var (s, detail, _) = Failures.Describe(error);
            status = s;
            if (s != 500) Message = detail;
            if (s == 503) Response.Headers.RetryAfter = "5";
        }
        else if (status is >= 400 and < 600) Message = Problems.Detail(status);
        if (status is >= 400 and < 600) Response.StatusCode = status;
        Heading = status == 500 ? "Đã có lỗi xảy ra" : Problems.Title(status);
    }
}
