using ChiBo.Features.Shared;

namespace ChiBo.Features.Documents;

/// <summary>What a link request names: one readable document, or why not (with the documents to choose from when a symbol repeats).</summary>
public record LinkTarget(int? Id, string? Field, string? Error, List<LinkCandidate> Candidates)
{
    public static LinkTarget Fail(string field, string error, List<LinkCandidate>? candidates = null) => new(null, field, error, candidates ?? []);
}

/// <summary>
/// Finds the document a link points at. By id it must be one the caller may read (a hidden document answers as a
/// missing one); by symbol only the documents the caller may read are candidates, and a symbol that several of them
/// carry (one 01-BB/CB per cell) is refused with the list, so a link never lands on an arbitrary one.
/// </summary>
public static class LinkTargets
{
    public static async Task<LinkTarget> ResolveAsync(DocumentAccess access, int? targetId, string? symbol, CancellationToken ct = default)
    {
        if (targetId is { } id)
            return await access.CanReadAsync(id, ct) ? new LinkTarget(id, null, null, [])
                : LinkTarget.Fail("targetId", "Không có văn bản được dẫn chiếu; hãy nhập văn bản đó vào sổ trước.");
        if (string.IsNullOrWhiteSpace(symbol)) return LinkTarget.Fail("targetSymbol", "Nhập số, ký hiệu của văn bản được thực hiện (VD: 18-KL/TW).");
        var found = await access.ReadableWithSymbolAsync(symbol, ct);
        return found.Count switch
        {
            0 => LinkTarget.Fail("targetSymbol", $"Chưa có văn bản số {symbol.Trim()} trong hệ thống; hãy nhập văn bản đó trước."),
            1 => new LinkTarget(found[0].Id, null, null, found),
            _ => LinkTarget.Fail("targetSymbol",
                $"Có {found.Count} văn bản cùng số {found[0].Symbol}: {string.Join("; ", found.Select(c => $"{c.Issuer} ngày {c.IssuedOn.Vn()}"))}. Hãy chọn đúng văn bản (targetId).",
                found),
        };
    }
}
