using Microsoft.AspNetCore.Http.HttpResults;

namespace ChiBo.Features.Shared;

/// <summary>An operation's expected failure: which field, and a Vietnamese message for the user.</summary>
public record Outcome<T>(T? Value, string? Field, string? Error)
{
    public bool Ok => Error is null;
    public static Outcome<T> Success(T value) => new(value, null, null);
    public static Outcome<T> Fail(string field, string message) => new(default, field, message);

    /// <summary>A stale version or a record in the wrong state answers 409 (ProblemDetails), not "bad input"; null otherwise.</summary>
    public ProblemHttpResult? ToConflict() => Field switch
    {
        "version" => TypedResults.Problem(Error, statusCode: 409, title: "Xung đột cập nhật"),
        "status" => TypedResults.Problem(Error, statusCode: 409, title: "Không thực hiện được ở trạng thái hiện tại"),
        _ => null,
    };

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [Field ?? ""] = [Error ?? ""] }, detail: Error, title: "Dữ liệu không hợp lệ");
}

public static class Dates
{
    public const string Format = "dd/MM/yyyy";
    public static string Vn(this DateOnly d) => d.ToString(Format, System.Globalization.CultureInfo.InvariantCulture);
    public static string Vn(this DateOnly? d) => d is { } v ? v.Vn() : "";

    public static bool TryParseVn(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out date);
}
