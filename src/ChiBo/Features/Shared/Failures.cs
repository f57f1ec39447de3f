using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChiBo.Features.Shared;

/// <summary>
/// Bad input found deep in a rule (a date before the first rule set, a year out of range) that the caller could
/// not have checked first: answered as 400 naming the field, like a failed <see cref="Outcome{T}"/>.
/// </summary>
public class RefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>What an exception means for the caller: a database that is away (retry), a lost race (reload), bad input, or a defect.</summary>
public static class Failures
{
    public enum Kind { Defect, Transient, Conflict, Refused, BadRequest }

    public static Kind Classify(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case RefusedException: return Kind.Refused;
                case BadHttpRequestException: return Kind.BadRequest;
                case DbUpdateConcurrencyException: return Kind.Conflict;
                case PostgresException pg when pg.SqlState is "23505": return Kind.Conflict;
                // A deadlock victim or a serialization failure was rolled back whole: the same request can simply be sent again.
                case PostgresException pg when pg.SqlState is "40001" or "40P01": return Kind.Transient;
                case PostgresException pg when IsTransientState(pg.SqlState): return Kind.Transient;
                case NpgsqlException n when n.IsTransient || n.InnerException is SocketException or IOException or TimeoutException: return Kind.Transient;
                case SqliteException s when s.SqliteErrorCode is 5 or 6: return Kind.Transient; // SQLITE_BUSY, SQLITE_LOCKED
                case SqliteException s when s.SqliteErrorCode == 19 && s.Message.Contains("UNIQUE"): return Kind.Conflict;
                case TimeoutException: return Kind.Transient;
                case SocketException: return Kind.Transient;
            }
        }
        // Npgsql reports a pool that cannot open a connection while the server restarts this way.
        return e.Message.Contains("transient failure", StringComparison.OrdinalIgnoreCase) ? Kind.Transient : Kind.Defect;
    }

    /// <summary>Connection lost (08), server shutting down or starting (57P01–57P03), out of resources (53).</summary>
    static bool IsTransientState(string state) => state.StartsWith("08") || state.StartsWith("53") || state is "57P01" or "57P02" or "57P03" or "55000";

    /// <summary>The ProblemDetails an API call gets for an exception; null for a defect (500).</summary>
    public static (int Status, string Detail, Dictionary<string, string[]>? Errors) Describe(Exception e) => Classify(e) switch
    {
        Kind.Transient => (503, Problems.Detail(503), null),
        Kind.Conflict => (409, Problems.Detail(409), null),
        Kind.Refused => Refused(Inner<RefusedException>(e)!),
        Kind.BadRequest => BadRequest(Inner<BadHttpRequestException>(e)!),
        _ => (500, Problems.Detail(500), null),
    };

    static (int, string, Dictionary<string, string[]>?) Refused(RefusedException r) => (400, r.Message, new() { [r.Field] = [r.Message] });

    static readonly Regex BindFailure = new("""Failed to bind parameter "(?<type>[^"]+) (?<name>\w+)" from "(?<value>[^"]*)".""");
    static readonly Regex Required = new("""Required parameter "(?<type>[^"]+) (?<name>\w+)" was not provided""");

    /// <summary>Binding failures name the field and say what it must look like, in Vietnamese.</summary>
    static (int, string, Dictionary<string, string[]>?) BadRequest(BadHttpRequestException b)
    {
        if (b.StatusCode == 413) return (413, Problems.Detail(413), null);
        if (BindFailure.Match(b.Message) is { Success: true } m)
        {
            var name = m.Groups["name"].Value;
            var msg = $"Giá trị “{m.Groups["value"].Value}” của {name} không hợp lệ: {Expected(m.Groups["type"].Value)}.";
            return (400, msg, new() { [name] = [msg] });
        }
        if (Required.Match(b.Message) is { Success: true } r)
        {
            var name = r.Groups["name"].Value;
            var msg = $"Thiếu tham số bắt buộc {name}.";
            return (400, msg, new() { [name] = [msg] });
        }
        if (b.InnerException is System.Text.Json.JsonException j)
        {
            var path = string.IsNullOrEmpty(j.Path) ? "body" : j.Path.TrimStart('$', '.');
            var msg = $"Nội dung JSON không đọc được{(string.IsNullOrEmpty(j.Path) ? "" : $" ở trường {path}")}: kiểm tra kiểu dữ liệu (ngày theo ISO 8601 yyyy-MM-dd, số, true/false).";
            return (400, msg, new() { [path] = [msg] });
        }
        if (b.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return (400, "Thiếu nội dung yêu cầu (JSON) hoặc nội dung không đọc được.", new() { ["body"] = ["Thiếu nội dung yêu cầu (JSON) hoặc nội dung không đọc được."] });
        if (b.StatusCode == 415) return (415, Problems.Detail(415), null);
        return (b.StatusCode, Problems.Detail(b.StatusCode), null);
    }

    public static string Expected(string type) => type.TrimEnd('?') switch
    {
        "DateOnly" => "ngày phải theo ISO 8601, dạng yyyy-MM-dd (ví dụ 2023-01-10)",
        "DateTime" or "DateTimeOffset" => "thời điểm phải theo ISO 8601 (ví dụ 2023-01-10T08:00:00+07:00)",
        "int" or "Int32" or "long" or "Int64" => "phải là số nguyên",
        "decimal" or "double" => "phải là số",
        "bool" or "Boolean" => "phải là true hoặc false",
        var t => $"không đúng kiểu {t}",
    };

    static T? Inner<T>(Exception e) where T : Exception
    {
        for (Exception? x = e; x is not null; x = x.InnerException) if (x is T t) return t;
        return null;
    }
}

/// <summary>
/// API calls get ProblemDetails JSON for every exception, never the HTML error page: a database outage is 503 with
/// Retry-After (nothing was written: the request's transaction rolled back), a lost race 409, bad input 400 naming the field.
/// </summary>
public class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception e, CancellationToken ct)
    {
        // The middleware has already pointed the request at /Error; the feature keeps the path that failed.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!path.StartsWith("/api", StringComparison.OrdinalIgnoreCase)) return false;
        var (status, detail, errors) = Failures.Describe(e);
        if (status >= 500 && status != 503) log.LogError(e, "Unhandled error on {Method} {Path}", http.Request.Method, path);
        else log.LogWarning("{Method} {Path} answered {Status}: {Message}", http.Request.Method, path, status, e.Message);
        http.Response.StatusCode = status;
        if (status == 503) http.Response.Headers.RetryAfter = "5";
        var p = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = Problems.Title(status), Detail = detail };
        if (errors is not null) p.Extensions["errors"] = errors;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = p, Exception = e }))
            await http.Response.WriteAsJsonAsync(p, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }
}
