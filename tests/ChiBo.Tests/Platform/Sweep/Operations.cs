using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChiBo.Tests.Platform.Sweep;

/// <summary>One operation of /openapi/v1.json: its method, path template, query parameters and body schema.</summary>
public sealed record Operation(string Method, string Path, List<(string Name, JsonNode? Schema, bool Required)> Query, JsonNode? Body, string? BodyType)
{
    public override string ToString() => $"{Method} {Path}";

    public static List<Operation> Read(JsonNode doc)
    {
        var list = new List<Operation>();
        foreach (var (path, item) in doc["paths"]!.AsObject())
            foreach (var (method, op) in item!.AsObject())
            {
                if (method is not ("get" or "post" or "put" or "delete" or "patch")) continue;
                var query = (op!["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query")
                    .Select(p => ((string)p!["name"]!, p["schema"], (bool?)p["required"] ?? false)).ToList();
                var content = op["requestBody"]?["content"]?.AsObject();
                var (type, schema) = content?.FirstOrDefault() is { Key: { } k } c ? (k, c.Value?["schema"]) : (null, null);
                list.Add(new Operation(method.ToUpperInvariant(), path, query, schema, type));
            }
        return list;
    }
}

/// <summary>
/// Makes concrete requests of an operation aimed at one place: path ids, query ids and body ids taken from the place
/// (so every id a request carries is the place's), the other values plausible.
/// </summary>
public sealed class Requests(JsonNode doc)
{
    static readonly Regex Param = new(@"\{(\w+)\}");
    readonly JsonObject _schemas = doc["components"]?["schemas"]?.AsObject() ?? [];

    /// <summary>The kind of record a path parameter names, from its name or the segment before it.</summary>
    static string Kind(string path, string param)
    {
        var segments = path.Split('/');
        var i = Array.IndexOf(segments, "{" + param + "}");
        var before = i > 0 ? segments[i - 1] : "";
        return param switch
        {
            "cellId" or "unitId" or "committeeId" => "unit",
            "meetingId" => "meeting",
            "itemId" => "agenda",
            "addendumId" => "addendum",
            "docId" => "meetingDocument",
            "rid" => "report",
            "cid" => "comment",
            "sid" => "signature",
            "evidenceId" => "evidence",
            "groupId" => "group",
            "year" => "year",
            "month" => "month",
            "period" => "period",
            "kind" => "importKind",
            "file" => "file",
            "code" => "code",
            _ => before switch
            {
                "units" => "unit", "members" => "member", "meetings" => "meeting", "plans" => "plan", "groups" => "group",
                "campaigns" => "campaign", "campaign-reports" => "report", "practices" => "practice", "documents" => "document",
                "appraisals" => "appraisal", "inspection-plans" => "inspectionPlan", "inspections" => "inspection", "remedies" => "remedy",
                "imports" => "import", "adoptions" => "unit", _ => "unknown",
            },
        };
    }

    /// <summary>Every combination worth trying: one request per id of the place for the kind the path is about.</summary>
    public IEnumerable<(HttpRequestMessage Request, bool CarriesId)> For(Operation op, World w)
    {
        var names = Param.Matches(op.Path).Select(m => m.Groups[1].Value).ToList();
        var main = names.LastOrDefault(n => Kind(op.Path, n) is not ("year" or "month" or "period" or "file" or "importKind"));
        var mainKind = main is null ? null : Kind(op.Path, main);
        var choices = mainKind is not null && mainKind != "code" && w.Ids.TryGetValue(mainKind, out var ids) && ids.Count > 0 ? ids : [0];
        foreach (var choice in choices.Distinct())
        {
            var carries = false;
            var path = Param.Replace(op.Path, m =>
            {
                var name = m.Groups[1].Value;
                var kind = Kind(op.Path, name);
                switch (kind)
                {
                    case "year": return Value(op.Path, w);
                    case "month": return "11";
                    case "period": return w.Values.GetValueOrDefault("period", "HalfYear");
                    case "file": return "signed.pdf";
                    case "importKind": return "members";
                    case "code": carries = true; return w.Values["code"];
                }
                int? id = name == main ? (choice == 0 ? null : choice) : w.First(kind);
                if (id is not null) carries = true;
                // A kind the place has no record of: an id nothing has, so the answer must be 404, never 2xx or 5xx.
                return (id ?? 999_999).ToString();
            });
            var query = new List<string>();
            foreach (var (name, schema, required) in op.Query)
            {
                var v = QueryValue(name, schema, w, out var isId);
                if (v is null || (!required && !isId && name != "q")) continue;
                carries |= isId;
                query.Add($"{name}={Uri.EscapeDataString(v)}");
            }
            var url = path + (query.Count > 0 ? "?" + string.Join("&", query) : "");
            var req = new HttpRequestMessage(new HttpMethod(op.Method), url);
            if (op.BodyType is { } type)
            {
                if (type.Contains("json"))
                {
                    var body = Build(op.Body, w, 0, ref carries);
                    req.Content = new StringContent(body?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
                }
                else req.Content = new StringContent("Họ và tên,Mã chi bộ\nA,B\n", Encoding.UTF8, type);
            }
            else if (op.Method is "POST" or "PUT") req.Content = new ByteArrayContent("x"u8.ToArray()) { Headers = { ContentType = new("text/plain") } };
            yield return (req, carries);
        }
    }

    static string Value(string path, World w) =>
        path.Contains("/four-good/") ? "2025" : path.Contains("/reports/") ? w.Values.GetValueOrDefault("reportYear", Worlds.Year) : Worlds.Year;

    static string? QueryValue(string name, JsonNode? schema, World w, out bool isId)
    {
        isId = false;
        switch (name)
        {
            case "unitId" or "issuerUnitId" or "nodeId" or "cellId":
                isId = w.First("unit") is not null;
                return (w.Ids.GetValueOrDefault("unit")?.Last() ?? 999_999).ToString();
            case "groupId": isId = w.First("group") is not null; return (w.First("group") ?? 999_999).ToString();
            case "practiceId": isId = w.First("practice") is not null; return (w.First("practice") ?? 999_999).ToString();
            case "q": isId = false; return w.Markers.FirstOrDefault(m => m.StartsWith("SWEEP")) ?? w.Markers.First();
            case "year": return Worlds.Year;
            case "month": return "11";
            case "from": return "2026-01-01";
            case "to": return "2026-12-31";
            case "date" or "asOf": return "2026-11-20";
            case "fileName": return "tai-lieu.txt";
        }
        return (string?)schema?["format"] == "date" ? "2026-11-20" : null;
    }

    /// <summary>A plausible JSON value for a schema; properties that name records take the place's ids.</summary>
    JsonNode? Build(JsonNode? schema, World w, int depth, ref bool carries, string? property = null)
    {
        if (schema is null || depth > 6) return null;
        if (schema["$ref"] is { } r) return Build(_schemas[((string)r!).Split('/')[^1]], w, depth + 1, ref carries, property);
        if (schema["oneOf"] is JsonArray one) return Build(one.FirstOrDefault(s => (string?)s?["type"] != "null"), w, depth + 1, ref carries, property);
        if (schema["enum"] is JsonArray e) return e.FirstOrDefault(x => x is not null)?.DeepClone();
        var types = schema["type"] switch { JsonArray a => a.Select(x => (string)x!).ToList(), JsonValue v => [(string)v!], _ => [] };
        if (types.Contains("object") || schema["properties"] is not null)
        {
            var o = new JsonObject();
            foreach (var (name, prop) in schema["properties"]?.AsObject() ?? [])
                o[name] = Build(prop, w, depth + 1, ref carries, name);
            return o;
        }
        if (types.Contains("array"))
        {
            var item = Build(schema["items"], w, depth + 1, ref carries, property is { } p && p.EndsWith("Ids") ? p[..^1] : property);
            return new JsonArray(item);
        }
        if (types.Contains("integer"))
        {
            if (property is null) return 1;
            var kind = property switch
            {
                "cellId" or "toCellId" => "unit",
                "unitId" or "ownerUnitId" or "issuerUnitId" or "parentId" or "newParentId" or "committeeId" or "sourceUnitId" => "unitLast",
                "memberId" or "chairId" or "minutesSecretaryId" or "contentPreparerId" or "resolutionDrafterId" or "paperDrafterId" or "preparerId" or "ownerMemberId" => "member",
                "sourceId" => "meeting",
                "targetId" or "implements" => "document",
                "meetingId" => "meeting",
                "version" or "votesFor" or "votesAgainst" => "zero",
                "year" or "fromYear" => "year",
                "quarter" => "one",
                _ => null,
            };
            switch (kind)
            {
                case "zero": return 0;
                case "one": return 1;
                case "year": return int.Parse(Worlds.Year);
                case "unitLast":
                    carries |= w.First("unit") is not null;
                    return w.Ids.GetValueOrDefault("unit")?.Last() ?? 999_999;
                case null: return 1;
                default:
                    carries |= w.First(kind) is not null;
                    return w.First(kind) ?? 999_999;
            }
        }
        if (types.Contains("number")) return 5;
        if (types.Contains("boolean")) return true;
        if (types.Contains("string"))
        {
            return (string?)schema["format"] switch
            {
                "date" => "2026-11-20",
                "date-time" => "2026-11-20T09:00:00+07:00",
                "time" => "19:30:00",
                _ => property switch
                {
                    "userName" or "leaderUserName" => "vp.binhlu",
                    "email" => "van.phong@chibo.local",
                    "typeCode" => "CV",
                    "kind" => "meeting-minutes",
                    "pdf" or "pfx" or "signature" => Convert.ToBase64String("%PDF-1.4"u8.ToArray()),
                    "startedAt" or "endedAt" or "startTime" => "19:30",
                    "targetSymbol" or "office" => null,
                    _ => "Nội dung thử",
                },
            };
        }
        return null;
    }
}
