using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;

namespace ChiBo.Features.Shared;

/// <summary>
/// A JSON body that leaves out a field the request type declares non-nullable (<c>{}</c> for a member's profile)
/// binds as null and would fail deep in a service; this filter answers 400 naming the first such field instead, for
/// every API endpoint (it is on the API's root group). Nested records and list items are checked too.
/// </summary>
public static class BodyChecks
{
    static readonly ConcurrentDictionary<Type, PropertyInfo[]> Required = new();
    static readonly JsonNamingPolicy Names = JsonNamingPolicy.CamelCase;

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var accepts = ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (accepts?.RequestType is { } type && ctx.Arguments.FirstOrDefault(a => a?.GetType() == type) is { } body
            && Missing(body, "", 0) is { } field)
            return Problems.Invalid(field, $"Thiếu trường bắt buộc “{field}” trong nội dung yêu cầu.");
        return await next(ctx);
    }

    static string? Missing(object value, string path, int depth)
    {
        if (depth > 5) return null;
        var type = value.GetType();
        if (value is IEnumerable list and not string)
        {
            var i = 0;
            foreach (var item in list)
            {
                if (item is not null && IsOurs(item.GetType()) && Missing(item, $"{path}[{i}]", depth + 1) is { } m) return m;
                i++;
            }
            return null;
        }
        if (!IsOurs(type)) return null;
        foreach (var p in Required.GetOrAdd(type, NonNullable))
        {
            var name = path.Length == 0 ? Names.ConvertName(p.Name) : $"{path}.{Names.ConvertName(p.Name)}";
            var v = p.GetValue(value);
            if (v is null) return name;
            if (Missing(v, name, depth + 1) is { } m) return m;
        }
        // Nullable nested records are optional, but when sent they must be whole.
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            if (p.GetValue(value) is { } v && IsOurs(p.PropertyType) && !Required[type].Contains(p)
                && Missing(v, path.Length == 0 ? Names.ConvertName(p.Name) : $"{path}.{Names.ConvertName(p.Name)}", depth + 1) is { } m) return m;
        return null;
    }

    static bool IsOurs(Type t) => t.Assembly == typeof(BodyChecks).Assembly && !t.IsEnum;

    /// <summary>The reference-type properties declared without '?' (NullabilityInfoContext is not thread-safe: one per type, cached).</summary>
    static PropertyInfo[] NonNullable(Type type)
    {
        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => !p.PropertyType.IsValueType && p.GetIndexParameters().Length == 0 && p.CanWrite
                     && context.Create(p).ReadState == NullabilityState.NotNull)
            .ToArray();
    }
}
