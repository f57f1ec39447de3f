using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChiBo.Tests.Infrastructure;

namespace ChiBo.Tests.Platform.Sweep;

/// <summary>
/// Sends every operation of /openapi/v1.json, as province staff on records it may reach, with values no clerk could
/// mean: dates in the Vietnamese or an impossible form, years 0 and 10000, month 13, a period that ends before it
/// starts, text where a number belongs, ids that do not exist, broken or empty JSON. Nothing may answer 5xx, and every
/// error must be ProblemDetails JSON with a Vietnamese title.
/// </summary>
public abstract class InputSweepTests(ChiBoApp app) : AppTest(app)
{
    [Fact]
    public async Task NoValueAnyClientSendsReachesA500OrAnErrorThatIsNotVietnameseJson()
    {
        var worlds = await Worlds.BuildAsync(App);
        // Three accounts, so that each value reaches the handlers behind every kind of rule: province staff, the commune's clerk, the cell's secretary.
        var accounts = new[] { await App.ApiAs("btc.tinh"), await App.ApiAs("vp.binhlu"), await App.ApiAs("bithu.nakhum") };
        var anonymous = App.CreateClient(new() { AllowAutoRedirect = false });
        var doc = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var requests = new Requests(doc);
        var failures = new List<string>();
        var sent = 0;
        foreach (var op in Operation.Read(doc))
        {
            var (good, _) = requests.For(op, worlds.Cell).First();
            foreach (var account in accounts)
            foreach (var (variant, request) in Variants(op, good))
            {
                var res = await account.SendAsync(request);
                var body = await res.Content.ReadAsStringAsync();
                sent++;
                var status = (int)res.StatusCode;
                var what = $"{status} {op.Method} {request.RequestUri} [{variant}]";
                if (status >= 500) failures.Add($"{what}: {AccessSweepTests.Short(body)}");
                else if (status >= 400 && !IsVietnameseProblem(res, body)) failures.Add($"{what} không phải ProblemDetails tiếng Việt: {AccessSweepTests.Short(body)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests:\n" + string.Join("\n", failures.Take(150)));
    }

    static bool IsVietnameseProblem(HttpResponseMessage res, string body)
    {
        if (res.Content.Headers.ContentType?.MediaType?.Contains("json") != true) return false;
        try
        {
            var title = JsonDocument.Parse(body).RootElement.GetProperty("title").GetString() ?? "";
            return title.Any(c => c > 127);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The operation's good request with one value made wrong at a time.</summary>
    static IEnumerable<(string, HttpRequestMessage)> Variants(Operation op, HttpRequestMessage good)
    {
        var uri = good.RequestUri!.ToString();
        var (path, query) = uri.IndexOf('?') is var q and >= 0 ? (uri[..q], uri[(q + 1)..]) : (uri, "");
        var pairs = query.Length == 0 ? [] : query.Split('&').Select(p => p.Split('=', 2)).Select(p => (Name: p[0], Value: p[1])).ToList();
        var body = good.Content is StringContent c && c.Headers.ContentType?.MediaType == "application/json" ? c.ReadAsStringAsync().Result : null;
        HttpRequestMessage Make(string p, IEnumerable<(string Name, string Value)> qs, string? b)
        {
            var list = qs.ToList();
            var r = new HttpRequestMessage(good.Method, p + (list.Count > 0 ? "?" + string.Join("&", list.Select(x => $"{x.Name}={x.Value}")) : ""));
            if (b is not null) r.Content = new StringContent(b, Encoding.UTF8, "application/json");
            else if (good.Content is not null) r.Content = new ByteArrayContent("x"u8.ToArray()) { Headers = { ContentType = good.Content.Headers.ContentType } };
            return r;
        }

        // Query values: every optional one the operation declares, made wrong one at a time.
        var declared = op.Query.Select(x => x.Name).ToList();
        foreach (var name in declared)
        {
            var schema = op.Query.First(x => x.Name == name).Schema;
            var isDate = (string?)schema?["format"] == "date";
            string[] bad = isDate ? ["25/01/2023", "10/01/2023", "2023-02-30", "0001-01-01"]
                : name is "year" ? ["0", "10000", "abc"] : name is "month" ? ["13", "0"] : ["abc", "99999999999"];
            foreach (var v in bad)
                yield return ($"{name}={v}", Make(path, pairs.Where(x => x.Name != name).Append((name, Uri.EscapeDataString(v))), body));
        }
        if (declared.Contains("from") && declared.Contains("to"))
            yield return ("from>to", Make(path, pairs.Where(x => x.Name is not ("from" or "to")).Append(("from", "2026-12-31")).Append(("to", "2026-01-01")), body));

        // Path values: year and month out of range, ids that do not exist.
        var template = op.Path.Split('/');
        var actual = path.Split('/');
        for (var i = 0; i < template.Length && i < actual.Length; i++)
        {
            if (!template[i].StartsWith('{')) continue;
            var name = template[i].Trim('{', '}');
            string[] bad = name == "year" ? ["0", "10000"] : name == "month" ? ["13"] : name is "period" or "kind" or "file" or "code" ? ["khong-co"] : ["0", "999999999"];
            foreach (var v in bad)
            {
                var copy = (string[])actual.Clone();
                copy[i] = v;
                yield return ($"{{{name}}}={v}", Make(string.Join('/', copy), pairs, body));
            }
        }

        // Bodies: broken, empty, of the wrong shape, with Vietnamese dates and text in number fields.
        if (body is not null)
        {
            yield return ("body={", Make(path, pairs, "{"));
            yield return ("body={}", Make(path, pairs, "{}"));
            yield return ("body=[]", Make(path, pairs, "[]"));
            yield return ("body=null", Make(path, pairs, "null"));
            var wrongDates = Regex.Replace(body, "\"(\\d{4})-(\\d{2})-(\\d{2})\"", "\"$3/$2/$1\"");
            if (wrongDates != body) yield return ("body dates dd/MM/yyyy", Make(path, pairs, wrongDates));
            var farDates = Regex.Replace(body, "\"\\d{4}-\\d{2}-\\d{2}\"", "\"0001-01-01\"");
            if (farDates != body) yield return ("body dates 0001-01-01", Make(path, pairs, farDates));
            var textNumbers = Regex.Replace(body, ":(\\d+)([,}\\]])", ":\"abc\"$2");
            if (textNumbers != body) yield return ("body numbers as text", Make(path, pairs, textNumbers));
        }
    }
}

public class InputSweepTestsSqlite(SweepApp app) : InputSweepTests(app), IClassFixture<SweepApp>;
public class InputSweepTestsPostgres(PostgresSweepApp app) : InputSweepTests(app), IClassFixture<PostgresSweepApp>;
