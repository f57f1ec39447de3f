using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ChiBo.Features.Shared;

/// <summary>
/// Checks every API endpoint's path and query values against its handler's parameters before it runs, so a value
/// no clerk could mean is a 400 naming the field instead of a 500 deep in a rule: dates only as ISO 8601
/// (<c>10/01/2023</c> would otherwise bind as 1 October), years 1930–2100, months 1–12, <c>from</c> not after <c>to</c>.
/// </summary>
public static partial class InputChecks
{
    public const int MinYear = 1930, MaxYear = 2100;
    public static readonly DateOnly MinDate = new(1900, 1, 1), MaxDate = new(2199, 12, 31);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")] private static partial Regex IsoDate();
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")] private static partial Regex IsoMoment();

    public static IApplicationBuilder UseInputChecks(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api") && http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is { } method
            && Check(http, method) is { } problem)
        {
            await problem.ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    static IResult? Check(HttpContext http, MethodInfo method)
    {
        DateOnly? from = null, to = null;
        foreach (var p in method.GetParameters())
        {
            if (p.Name is not { } name) continue;
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            var raw = http.Request.RouteValues.TryGetValue(name, out var rv) ? rv?.ToString() : http.Request.Query[name].ToString();
            if (string.IsNullOrEmpty(raw)) continue;
            if (type == typeof(DateOnly))
            {
                if (!IsoDate().IsMatch(raw) || !DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    return Problems.Invalid(name, $"Giá trị “{raw}” của {name} không hợp lệ: {Failures.Expected("DateOnly")}.");
                if (d < MinDate || d > MaxDate)
                    return Problems.Invalid(name, $"Ngày {d.Vn()} của {name} nằm ngoài khoảng cho phép ({MinDate.Vn()}–{MaxDate.Vn()}).");
                if (name.Equals("from", StringComparison.OrdinalIgnoreCase)) from = d;
                if (name.Equals("to", StringComparison.OrdinalIgnoreCase)) to = d;
            }
            else if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
            {
                if (!IsoMoment().IsMatch(raw)) return Problems.Invalid(name, $"Giá trị “{raw}” của {name} không hợp lệ: {Failures.Expected("DateTime")}.");
            }
            else if (type == typeof(int) && int.TryParse(raw, out var n))
            {
                if (name.Equals("year", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Year", StringComparison.Ordinal))
                {
                    if (n is < MinYear or > MaxYear) return Problems.Invalid(name, $"Năm {n} nằm ngoài khoảng cho phép ({MinYear}–{MaxYear}).");
                }
                else if (name.Equals("month", StringComparison.OrdinalIgnoreCase) && n is < 1 or > 12)
                    return Problems.Invalid(name, $"Tháng {n} không hợp lệ: tháng từ 1 đến 12.");
            }
        }
        if (from is { } f && to is { } t && f > t)
            return Problems.Invalid("from", $"Ngày bắt đầu {f.Vn()} ở sau ngày kết thúc {t.Vn()}.");
        return null;
    }

    /// <summary>
    /// Dates in JSON bodies: ISO 8601 only (System.Text.Json's own reading), and inside 1900–2199 so no date
    /// arithmetic downstream overflows; a wrong one is a 400 naming its JSON path.
    /// </summary>
    public sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var s = reader.GetString();
            if (s is null || !IsoDate().IsMatch(s) || !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new JsonException($"“{s}” không phải ngày ISO 8601 (yyyy-MM-dd).");
            if (d < MinDate || d > MaxDate) throw new JsonException($"Ngày {d.Vn()} nằm ngoài khoảng cho phép.");
            return d;
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
