using ChiBo.Data;
using ChiBo.Features.Search;
using ChiBo.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace ChiBo.Features.Organization;

/// <summary>
/// Write side of the tree. Every change takes effect on a date and keeps history: closure rows and
/// names are closed (ValidTo) rather than deleted, and an event records what happened.
/// Changes are expected in date order for a given subtree (as decisions are issued).
/// </summary>
public class TreeService(AppDbContext db)
{
    public record NewUnit(string Code, string Name, string TypeCode, int? ParentId, DateOnly From,
        string? IssuerCode = null, CellKind? CellKind = null, string? Place = null);

    public async Task<Outcome<Unit>> CreateAsync(NewUnit n, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(n.Name)) return Outcome<Unit>.Fail("name", "Tên đơn vị không được để trống.");
        if (string.IsNullOrWhiteSpace(n.Code)) return Outcome<Unit>.Fail("code", "Mã đơn vị không được để trống.");
        var type = await db.UnitTypes.FirstOrDefaultAsync(t => t.Code == n.TypeCode, ct);
        if (type is null) return Outcome<Unit>.Fail("typeCode", $"Không có loại tổ chức có mã “{n.TypeCode}”.");
        if (await db.Units.AnyAsync(u => u.Code == n.Code, ct) || db.Units.Local.Any(u => u.Code == n.Code))
            return Outcome<Unit>.Fail("code", $"Mã đơn vị “{n.Code}” đã tồn tại.");
        if (type.IsCell && n.CellKind is null) return Outcome<Unit>.Fail("cellKind", "Chi bộ phải có loại hình chi bộ.");
        List<UnitClosure> parentRows = [];
        if (n.ParentId is { } pid)
        {
            // A back-dated unit follows its parent's later moves too: every ancestor row from the creation date on.
            parentRows = await db.UnitClosures.Where(c => c.DescendantId == pid && (c.ValidTo == null || c.ValidTo > n.From)).ToListAsync(ct);
            if (!parentRows.Any(c => c.ValidFrom <= n.From)) return Outcome<Unit>.Fail("parentId", $"Đơn vị cấp trên không tồn tại vào ngày {n.From.Vn()}.");
        }
        var unit = new Unit
        {
            Code = n.Code.Trim(), Name = n.Name.Trim(), NameKey = VietnameseText.Fold(n.Name), IssuerCode = n.IssuerCode,
            Place = n.Place, UnitTypeId = type.Id, CellKind = type.IsCell ? n.CellKind : null, EffectiveFrom = n.From,
        };
        db.Units.Add(unit);
        await db.SaveChangesAsync(ct);
        db.UnitNames.Add(new UnitName { UnitId = unit.Id, Name = unit.Name, IssuerCode = unit.IssuerCode, ValidFrom = n.From });
        db.UnitClosures.Add(new UnitClosure { AncestorId = unit.Id, DescendantId = unit.Id, Depth = 0, ValidFrom = n.From });
        foreach (var p in parentRows)
            db.UnitClosures.Add(new UnitClosure { AncestorId = p.AncestorId, DescendantId = unit.Id, Depth = p.Depth + 1, ValidFrom = p.ValidFrom > n.From ? p.ValidFrom : n.From, ValidTo = p.ValidTo });
        db.UnitEvents.Add(new UnitEvent { UnitId = unit.Id, Kind = UnitEventKind.Created, Date = n.From, RelatedUnitId = n.ParentId, NewValue = unit.Name });
        await db.SaveChangesAsync(ct);
        return Outcome<Unit>.Success(unit);
    }

    public async Task<Outcome<Unit>> RenameAsync(int unitId, string newName, string? issuerCode, DateOnly date, string? decision = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(newName)) return Outcome<Unit>.Fail("name", "Tên mới không được để trống.");
        var unit = await db.Units.FindAsync([unitId], ct);
        if (unit is null || !unit.ExistsOn(date)) return Outcome<Unit>.Fail("unitId", $"Đơn vị không tồn tại vào ngày {date.Vn()}.");
        var current = await db.UnitNames.ValidOn(date).FirstAsync(n => n.UnitId == unitId, ct);
        if (current.ValidFrom == date) return Outcome<Unit>.Fail("date", "Đơn vị đã được đổi tên vào ngày này.");
        current.ValidTo = date;
        db.UnitNames.Add(new UnitName { UnitId = unitId, Name = newName.Trim(), IssuerCode = issuerCode ?? current.IssuerCode, ValidFrom = date });
        db.UnitEvents.Add(new UnitEvent { UnitId = unitId, Kind = UnitEventKind.Renamed, Date = date, OldValue = current.Name, NewValue = newName.Trim(), Decision = decision });
        unit.Name = newName.Trim();
        unit.NameKey = VietnameseText.Fold(unit.Name);
        unit.IssuerCode = issuerCode ?? unit.IssuerCode;
        await db.SaveChangesAsync(ct);
        return Outcome<Unit>.Success(unit);
    }

    /// <summary>Moves a node (and its whole subtree) under a new parent from the date on.</summary>
    public async Task<Outcome<Unit>> MoveAsync(int unitId, int newParentId, DateOnly date, string? decision = null, CancellationToken ct = default)
    {
        var unit = await db.Units.FindAsync([unitId], ct);
        if (unit is null || !unit.ExistsOn(date)) return Outcome<Unit>.Fail("unitId", $"Đơn vị không tồn tại vào ngày {date.Vn()}.");
        var newAncestors = await db.UnitClosures.ValidOn(date).Where(c => c.DescendantId == newParentId).ToListAsync(ct);
        if (newAncestors.Count == 0) return Outcome<Unit>.Fail("parentId", $"Đơn vị cấp trên mới không tồn tại vào ngày {date.Vn()}.");
        if (newAncestors.Any(a => a.AncestorId == unitId)) return Outcome<Unit>.Fail("parentId", "Không thể chuyển một đơn vị vào dưới chính nó hoặc đơn vị cấp dưới của nó.");
        var oldParent = await db.ParentIdAsync(unitId, date, ct);
        if (oldParent == newParentId) return Outcome<Unit>.Fail("parentId", "Đơn vị đã trực thuộc đơn vị cấp trên này.");

        var subtree = await db.UnitClosures.ValidOn(date).Where(c => c.AncestorId == unitId).ToListAsync(ct);
        var subtreeIds = subtree.Select(s => s.DescendantId).ToList();
        // Rows linking the subtree to its old ancestors end on the date...
        var outside = await db.UnitClosures.ValidOn(date)
            .Where(c => subtreeIds.Contains(c.DescendantId) && !subtreeIds.Contains(c.AncestorId)).ToListAsync(ct);
        foreach (var row in outside)
        {
            if (row.ValidFrom == date) db.UnitClosures.Remove(row); else row.ValidTo = date;
        }
        // ...and rows to the new ancestors start on it.
        // A new row never outlives its subtree row: a descendant that ends later must not be given an open
        // row to its new ancestors, or it would reappear in every tree after its end.
        foreach (var a in newAncestors)
            foreach (var d in subtree)
                db.UnitClosures.Add(new UnitClosure { AncestorId = a.AncestorId, DescendantId = d.DescendantId, Depth = a.Depth + 1 + d.Depth, ValidFrom = date, ValidTo = Earliest(a.ValidTo, d.ValidTo) });
        db.UnitEvents.Add(new UnitEvent { UnitId = unitId, Kind = UnitEventKind.Moved, Date = date, RelatedUnitId = newParentId,
            OldValue = oldParent?.ToString(), NewValue = newParentId.ToString(), Decision = decision });
        await db.SaveChangesAsync(ct);
        return Outcome<Unit>.Success(unit);
    }

    /// <summary>Ends a node on the date. It must have no child units and no members left on that date.</summary>
    public async Task<Outcome<Unit>> DissolveAsync(int unitId, DateOnly date, string? decision = null, CancellationToken ct = default)
    {
        var unit = await db.Units.FindAsync([unitId], ct);
        if (unit is null || !unit.ExistsOn(date)) return Outcome<Unit>.Fail("unitId", $"Đơn vị không tồn tại vào ngày {date.Vn()}.");
        if (await db.UnitClosures.ValidOn(date).AnyAsync(c => c.AncestorId == unitId && c.Depth == 1, ct))
            return Outcome<Unit>.Fail("unitId", "Đơn vị còn đơn vị trực thuộc: hãy chuyển chúng đi trước khi giải thể.");
        if (await db.Memberships.AnyAsync(m => m.UnitId == unitId && m.From <= date && (m.To == null || m.To > date), ct))
            return Outcome<Unit>.Fail("unitId", "Đơn vị còn đảng viên sinh hoạt: hãy chuyển sinh hoạt trước khi giải thể.");
        await EndAsync(unit, date, ct);
        db.UnitEvents.Add(new UnitEvent { UnitId = unitId, Kind = UnitEventKind.Dissolved, Date = date, Decision = decision });
        await db.SaveChangesAsync(ct);
        return Outcome<Unit>.Success(unit);
    }

    /// <summary>Merges sources into the target: children move, members transfer, sources end.</summary>
    public async Task<Outcome<Unit>> MergeAsync(IReadOnlyList<int> sourceIds, int targetId, DateOnly date, string? decision = null, CancellationToken ct = default)
    {
        var target = await db.Units.FindAsync([targetId], ct);
        if (target is null || !target.ExistsOn(date)) return Outcome<Unit>.Fail("targetId", $"Đơn vị tiếp nhận không tồn tại vào ngày {date.Vn()}.");
        if (sourceIds.Count == 0 || sourceIds.Contains(targetId)) return Outcome<Unit>.Fail("sourceIds", "Danh sách đơn vị sáp nhập không hợp lệ.");
        foreach (var sid in sourceIds)
        {
            var source = await db.Units.FindAsync([sid], ct);
            if (source is null || !source.ExistsOn(date)) return Outcome<Unit>.Fail("sourceIds", $"Đơn vị {sid} không tồn tại vào ngày {date.Vn()}.");
            var moved = await MoveChildrenAndMembersAsync(sid, targetId, date, ct);
            if (!moved.Ok) return moved;
            await EndAsync(source, date, ct);
            db.UnitEvents.Add(new UnitEvent { UnitId = sid, Kind = UnitEventKind.Merged, Date = date, RelatedUnitId = targetId, OldValue = source.Name, NewValue = target.Name, Decision = decision });
            db.UnitEvents.Add(new UnitEvent { UnitId = targetId, Kind = UnitEventKind.Merged, Date = date, RelatedUnitId = sid, OldValue = source.Name, NewValue = target.Name, Decision = decision });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Unit>.Success(target);
    }

    public record SplitPart(NewUnit Unit, IReadOnlyList<int> ChildIds, IReadOnlyList<int> MemberIds);

    /// <summary>Splits a node into new ones under the same parent; its children and members are shared out; it ends.</summary>
    public async Task<Outcome<List<Unit>>> SplitAsync(int sourceId, IReadOnlyList<SplitPart> parts, DateOnly date, string? decision = null, CancellationToken ct = default)
    {
        var source = await db.Units.FindAsync([sourceId], ct);
        if (source is null || !source.ExistsOn(date)) return Outcome<List<Unit>>.Fail("sourceId", $"Đơn vị không tồn tại vào ngày {date.Vn()}.");
        if (parts.Count < 2) return Outcome<List<Unit>>.Fail("parts", "Chia tách cần ít nhất hai đơn vị mới.");
        var parentId = await db.ParentIdAsync(sourceId, date, ct);
        var created = new List<Unit>();
        foreach (var part in parts)
        {
            var made = await CreateAsync(part.Unit with { ParentId = parentId, From = date }, ct);
            if (!made.Ok) return Outcome<List<Unit>>.Fail(made.Field!, made.Error!);
            created.Add(made.Value!);
            foreach (var child in part.ChildIds)
            {
                var moved = await MoveAsync(child, made.Value!.Id, date, decision, ct);
                if (!moved.Ok) return Outcome<List<Unit>>.Fail(moved.Field!, moved.Error!);
            }
            await TransferMembersAsync(sourceId, made.Value!.Id, date, part.MemberIds, ct);
        }
        var dissolved = await DissolveAsync(sourceId, date, decision, ct);
        if (!dissolved.Ok) return Outcome<List<Unit>>.Fail(dissolved.Field!, dissolved.Error!);
        foreach (var u in created)
            db.UnitEvents.Add(new UnitEvent { UnitId = sourceId, Kind = UnitEventKind.Split, Date = date, RelatedUnitId = u.Id, OldValue = source.Name, NewValue = u.Name, Decision = decision });
        await db.SaveChangesAsync(ct);
        return Outcome<List<Unit>>.Success(created);
    }

    async Task<Outcome<Unit>> MoveChildrenAndMembersAsync(int fromId, int toId, DateOnly date, CancellationToken ct)
    {
        var children = await db.UnitClosures.ValidOn(date).Where(c => c.AncestorId == fromId && c.Depth == 1).Select(c => c.DescendantId).ToListAsync(ct);
        foreach (var child in children)
        {
            var moved = await MoveAsync(child, toId, date, null, ct);
            if (!moved.Ok) return moved;
        }
        await TransferMembersAsync(fromId, toId, date, null, ct);
        return Outcome<Unit>.Success(null!);
    }

    async Task TransferMembersAsync(int fromId, int toId, DateOnly date, IReadOnlyList<int>? only, CancellationToken ct)
    {
        var open = await db.Memberships.Where(m => m.UnitId == fromId && m.From <= date && (m.To == null || m.To > date)).ToListAsync(ct);
        foreach (var m in open.Where(m => only is null || only.Contains(m.MemberId)))
        {
            m.To = date;
            db.Memberships.Add(new Members.Membership { MemberId = m.MemberId, UnitId = toId, From = date, Note = "Chuyển theo quyết định sắp xếp tổ chức" });
        }
        await db.SaveChangesAsync(ct);
    }

    async Task EndAsync(Unit unit, DateOnly date, CancellationToken ct)
    {
        unit.EffectiveTo = date;
        // Every row still open after the date ends, not only those valid on it: a decision recorded late
        // (a 2017 merge entered after the 2025 restructure) finds rows that begin later — copied to the
        // unit when an ancestor moved — and those would keep it in every later tree. Rows that begin on or
        // after the end never held, so they go.
        var rows = await db.UnitClosures.Where(c => (c.DescendantId == unit.Id || c.AncestorId == unit.Id) && (c.ValidTo == null || c.ValidTo > date)).ToListAsync(ct);
        foreach (var r in rows)
        {
            if (r.ValidFrom >= date) db.UnitClosures.Remove(r); else r.ValidTo = date;
        }
        var names = await db.UnitNames.Where(n => n.UnitId == unit.Id && (n.ValidTo == null || n.ValidTo > date)).ToListAsync(ct);
        foreach (var n in names)
        {
            if (n.ValidFrom >= date) db.UnitNames.Remove(n); else n.ValidTo = date;
        }
    }

    static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : (a < b ? a : b);
}
